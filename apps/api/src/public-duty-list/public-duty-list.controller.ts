import { Controller, Get, Param, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { UuidParamPipe } from '../http/uuid-param.pipe';
import { PublicDutyListDto } from './dto/public-duty-list.dto';
import { CODE_CACHE_CONTROL, LIST_CACHE_CONTROL, sendPublicAnswer } from './public-answer';
import { PublicDutyListService } from './public-duty-list.service';
import { PublicRateLimitGuard } from './public-rate-limit.guard';

/** 公示: what anyone may read without a token — a township's published duty list and its QR codes. */
@ApiTags('public')
@Public()
@UseGuards(PublicRateLimitGuard)
@Controller('public/townships/:townshipId/duty-list')
@ApiBadRequestResponse({ description: 'townshipId is not a UUID' })
@ApiNotFoundResponse({ description: 'No such township' })
@ApiTooManyRequestsResponse({ description: 'More than PUBLIC_RATE_LIMIT requests a minute from this address (see Retry-After)' })
export class PublicDutyListController {
  constructor(private readonly lists: PublicDutyListService) {}

  @Get()
  @ApiOperation({ summary: 'The latest published version of a township duty list (no token; drafts are never shown)' })
  @ApiOkResponse({ type: PublicDutyListDto, description: 'With ETag; If-None-Match → 304' })
  @ApiNotFoundResponse({ description: 'Nothing published yet' })
  async latest(
    @Param('townshipId', new UuidParamPipe('townshipId')) townshipId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    sendPublicAnswer(request, response, await this.lists.latest(townshipId), 'application/json; charset=utf-8', LIST_CACHE_CONTROL);
  }

  @Get('qr.svg')
  @ApiOperation({ summary: 'QR code (SVG) of the public page of the township list: PUBLIC_BASE_URL/public/townships/:townshipId' })
  @ApiProduces('image/svg+xml')
  @ApiOkResponse({ description: 'image/svg+xml' })
  async qrSvg(
    @Param('townshipId', new UuidParamPipe('townshipId')) townshipId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    sendPublicAnswer(request, response, await this.lists.qrSvg(townshipId), 'image/svg+xml', CODE_CACHE_CONTROL);
  }

  @Get('qr.png')
  @ApiOperation({ summary: 'QR code (PNG, 512 px) of the public page of the township list' })
  @ApiProduces('image/png')
  @ApiOkResponse({ description: 'image/png' })
  async qrPng(
    @Param('townshipId', new UuidParamPipe('townshipId')) townshipId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    sendPublicAnswer(request, response, await this.lists.qrPng(townshipId), 'image/png', CODE_CACHE_CONTROL);
  }
}

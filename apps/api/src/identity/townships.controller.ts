import { Body, Controller, Get, Param, Post, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { correlationIdOf } from './correlation';
import { CreateTownshipDto, TownshipDto } from './dto/township.dto';
import { TownshipsService } from './townships.service';
import { UuidParamPipe } from '../http/uuid-param.pipe';

@ApiTags('identity')
@ApiBearerAuth()
@Controller('counties/:countyId/townships')
export class TownshipsController {
  constructor(private readonly townships: TownshipsService) {}

  @Post()
  @Roles('admin', 'county_admin')
  @ApiOperation({ summary: 'Create a township and its enforcement team (admin; county_admin of that county)' })
  @ApiCreatedResponse({ type: TownshipDto })
  @ApiNotFoundResponse({ description: 'Unknown county' })
  @ApiForbiddenResponse({ description: 'Another county' })
  @ApiConflictResponse({ description: 'The county already has a township of that name' })
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Param('countyId', new UuidParamPipe('countyId')) countyId: string,
    @Body() body: CreateTownshipDto,
    @Req() request: Request,
  ): Promise<TownshipDto> {
    return this.townships.create(user, countyId, body.name, correlationIdOf(request));
  }

  @Get()
  @ApiOperation({ summary: 'The townships of a county' })
  @ApiOkResponse({ type: TownshipDto, isArray: true })
  list(@CurrentUser() user: AuthenticatedUser, @Param('countyId', new UuidParamPipe('countyId')) countyId: string): Promise<TownshipDto[]> {
    return this.townships.list(user, countyId);
  }
}

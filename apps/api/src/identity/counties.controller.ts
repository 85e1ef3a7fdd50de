import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CorrelationId } from '../handovers/ledger-http';
import { CountiesService } from './counties.service';
import { CountyDto, CreateCountyDto } from './dto/county.dto';
import { UuidParamPipe } from './uuid-param.pipe';

@ApiTags('identity')
@ApiBearerAuth()
@Controller('counties')
export class CountiesController {
  constructor(private readonly counties: CountiesService) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a county (system admin), with the default vocabularies of equipment kinds and training courses' })
  @ApiCreatedResponse({ type: CountyDto })
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreateCountyDto,
    @CorrelationId() correlationId: string,
  ): Promise<CountyDto> {
    return this.counties.create(body.name, { username: user.username, correlationId });
  }

  @Get()
  @ApiOperation({ summary: 'Counties: all for the system admin, else the caller’s own' })
  @ApiOkResponse({ type: CountyDto, isArray: true })
  list(@CurrentUser() user: AuthenticatedUser): Promise<CountyDto[]> {
    return this.counties.list(user);
  }

  @Get(':countyId')
  @ApiOperation({ summary: 'One county' })
  @ApiOkResponse({ type: CountyDto })
  @ApiNotFoundResponse()
  @ApiForbiddenResponse({ description: 'Another county' })
  get(@CurrentUser() user: AuthenticatedUser, @Param('countyId', new UuidParamPipe('countyId')) countyId: string): Promise<CountyDto> {
    return this.counties.get(user, countyId);
  }
}

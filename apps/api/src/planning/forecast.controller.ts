import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { FORECAST_MONTHS_DEFAULT, FORECAST_MONTHS_MAX, type Forecast } from '@fangquan/domain';
import { XLSX_MEDIA_TYPE } from '@fangquan/spreadsheets';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { xlsxDownload } from '../catalogue-sheets/sheet-http';
import { ProblemException } from '../http/problem';
import { countyOf, listReachOf } from '../http/scope';
import { ForecastDto, ForecastQuery } from './dto/forecast.dto';
import { forecastWorkbook } from './planning-sheets';
import { PlanningService } from './planning.service';
import { SheetNamesService } from './sheet-names.service';

/** The county's own users; a department sees the handovers it made. */
const COUNTY_ROLES = ['admin', 'county_admin', 'auditor', 'department'] as const;

/**
 * The forecast: month by month, the gaps that will open (certificates expiring, entrustments ending)
 * and those that training scheduled in the commitments will close, with the teams as they are now.
 */
@ApiTags('forecast')
@ApiBearerAuth()
@Controller('forecast')
export class ForecastController {
  constructor(
    private readonly planning: PlanningService,
    private readonly names: SheetNamesService,
  ) {}

  @Get()
  @Roles(...COUNTY_ROLES)
  @ApiOperation({
    summary:
      'The gaps of the next months: what opens and why, what scheduled training closes (county users; a department: its own handovers)',
  })
  @ApiOkResponse({ type: ForecastDto })
  @ApiBadRequestResponse({ description: 'months not a whole number from 1 to 24' })
  forecast(@CurrentUser() user: AuthenticatedUser, @Query() query: ForecastQuery): Promise<Forecast> {
    return this.planning.forecast(countyOf(user, query.countyId), monthsOf(query.months), listReachOf(user).department);
  }

  @Get('export.xlsx')
  @Roles(...COUNTY_ROLES)
  @ApiProduces(XLSX_MEDIA_TYPE)
  @ApiOperation({ summary: 'The same forecast as a workbook, one row per gap opening or closing' })
  async export(@CurrentUser() user: AuthenticatedUser, @Query() query: ForecastQuery): Promise<StreamableFile> {
    const countyId = countyOf(user, query.countyId);
    const forecast = await this.planning.forecast(countyId, monthsOf(query.months), listReachOf(user).department);
    return xlsxDownload(await forecastWorkbook(forecast, await this.names.of(countyId)), `缺口预测-${forecast.from}.xlsx`);
  }
}

/** `months`: a whole number 1..24, 12 when absent. */
export function monthsOf(text: string | undefined): number {
  if (text === undefined) return FORECAST_MONTHS_DEFAULT;
  if (!/^\d{1,3}$/.test(text))
    throw ProblemException.badRequest([{ field: 'months', message: 'months must be a whole number', code: 'not-a-whole-number' }]);
  const months = Number(text);
  if (months < 1) throw ProblemException.badRequest([{ field: 'months', message: 'months must be at least 1', code: 'too-small' }]);
  if (months > FORECAST_MONTHS_MAX)
    throw ProblemException.badRequest([{ field: 'months', message: `months must be at most ${FORECAST_MONTHS_MAX}`, code: 'too-large' }]);
  return months;
}

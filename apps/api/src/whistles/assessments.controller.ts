import { Controller, Get, Header, Inject, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import ExcelJS from 'exceljs';
import { assessDepartments, type DepartmentAssessment, instantAt } from '@fangquan/domain';
import { APP_CONFIG, type AppConfig, CLOCK, type Clock, localDate } from '@fangquan/platform';
import { WhistleQueries } from '@fangquan/read-models';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ProblemException } from '../http/problem';
import { countyOf } from '../http/scope';
import { AssessmentQuery } from './dto/list-whistles.query';
import { DepartmentAssessmentDto } from './dto/whistle.dto';

const DAY_MS = 24 * 60 * 60 * 1000;
const COUNTY_ROLES = ['admin', 'county_admin', 'auditor'] as const;

/**
 * The two-way assessment (双向考核) of the county's departments by the whistles they led, raised in a
 * period of days in the county's time zone; the score's formula and weights are in docs/assessment.md.
 */
@ApiTags('assessments')
@ApiBearerAuth()
@Controller('assessments/departments')
export class AssessmentsController {
  constructor(
    private readonly whistles: WhistleQueries,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Roles(...COUNTY_ROLES)
  @ApiOperation({ summary: 'Per department: whistles, steps on time, resolutions, satisfaction, mean score and the 0–100 score' })
  @ApiOkResponse({ type: DepartmentAssessmentDto, isArray: true })
  rows(@CurrentUser() user: AuthenticatedUser, @Query() query: AssessmentQuery): Promise<DepartmentAssessment[]> {
    return this.assess(user, query);
  }

  @Get('export.xlsx')
  @Roles(...COUNTY_ROLES)
  @Header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @Header('Content-Disposition', 'attachment; filename="department-assessment.xlsx"')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({ summary: 'The same rows as a spreadsheet' })
  async export(@CurrentUser() user: AuthenticatedUser, @Query() query: AssessmentQuery): Promise<StreamableFile> {
    const rows = await this.assess(user, query);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('部门考核');
    sheet.columns = [
      { header: '部门', key: 'department', width: 20 },
      { header: '吹哨件数', key: 'whistles', width: 10 },
      { header: '按时签收', key: 'acceptedOnTime', width: 10 },
      { header: '按时报到', key: 'arrivedOnTime', width: 10 },
      { header: '按时办结', key: 'resolvedOnTime', width: 10 },
      { header: '已办结', key: 'resolved', width: 10 },
      { header: '满意', key: 'satisfied', width: 10 },
      { header: '平均评分', key: 'meanScore', width: 10 },
      { header: '考核得分', key: 'score', width: 10 },
    ];
    sheet.getRow(1).font = { bold: true };
    for (const row of rows) sheet.addRow(row);
    const buffer = await workbook.xlsx.writeBuffer();
    return new StreamableFile(Buffer.from(buffer));
  }

  private async assess(user: AuthenticatedUser, query: AssessmentQuery): Promise<DepartmentAssessment[]> {
    const countyId = countyOf(user, query.countyId);
    const now = this.clock.now();
    const zone = this.config.timeZone;
    const today = localDate(now, zone);
    const fromDay = query.from ?? `${today.slice(0, 4)}-01-01`;
    const toDay = query.to ?? today;
    if (toDay < fromDay) throw ProblemException.badRequest([{ field: 'to', message: 'must not be before from', code: 'too-early' }]);
    const from = new Date(instantAt(zone, fromDay, 0)).toISOString();
    const to = new Date(instantAt(zone, nextDay(toDay), 0)).toISOString();
    const whistles = await this.whistles.raisedWithin(countyId, from, to);
    return assessDepartments(whistles, now.toISOString(), this.config.assessmentWeights);
  }
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

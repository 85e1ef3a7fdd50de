import { Controller, Get, Inject, Param, Query, type StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import {
  type AsOfEvidence,
  type EvaluationFilter,
  parseAsOfDate,
  parseEvaluationPeriod,
  type PeriodEvaluation,
  type Result,
} from '@fangquan/domain';
import type { FieldError } from '@fangquan/domain';
import { UserDirectory } from '@fangquan/identity';
import { Evaluations } from '@fangquan/ledger';
import { PowerQueries } from '@fangquan/read-models';
import { APP_CONFIG, type AppConfig, CLOCK, type Clock, localDate } from '@fangquan/platform';
import { assertTownshipAccess } from '../auth/access';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ProblemException } from '../http/problem';
import { countyOf } from '../http/scope';
import { xlsxDownload } from '../catalogue-sheets/sheet-http';
import { XLSX_MEDIA_TYPE } from '@fangquan/spreadsheets';
import { AsOfEvidenceDto, PeriodEvaluationDto } from './dto/evaluation.dto';
import { AsOfQuery, EvaluationQuery } from './dto/evaluation.query';
import { asOfWorkbook, evaluationWorkbook } from './evaluation-sheets';

/**
 * Evaluation (放得下、接得住、管得好、有监督) and as-of evidence (容错免责), both replayed from the log.
 * The county's users read the county; a township's users their own township.
 */
@ApiTags('evaluation')
@ApiBearerAuth()
@Controller()
export class EvaluationsController {
  constructor(
    private readonly evaluations: Evaluations,
    private readonly directory: UserDirectory,
    private readonly powers: PowerQueries,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('evaluations')
  @Roles('admin', 'county_admin', 'auditor', 'township')
  @ApiOperation({
    summary:
      'Per handover over a period: ready share (by each day’s end), days to first ready, promised against delivered, reminders, cases, recall requests, flags; totals per township, power and department',
  })
  @ApiOkResponse({ type: PeriodEvaluationDto })
  @ApiBadRequestResponse({ description: 'from after to or after today, a period over 5 years, an unknown township or power' })
  @ApiForbiddenResponse({ description: 'Another county, or (a township user) another township' })
  evaluate(@CurrentUser() user: AuthenticatedUser, @Query() query: EvaluationQuery): Promise<PeriodEvaluation> {
    return this.evaluation(user, query);
  }

  @Get('evaluations/export.xlsx')
  @Roles('admin', 'county_admin', 'auditor', 'township')
  @ApiProduces(XLSX_MEDIA_TYPE)
  @ApiOperation({ summary: 'The same evaluation as a workbook: per handover, zero-use items, township and department totals' })
  async exportEvaluation(@CurrentUser() user: AuthenticatedUser, @Query() query: EvaluationQuery): Promise<StreamableFile> {
    const evaluation = await this.evaluation(user, query);
    const townships = await this.directory.townshipsOfCounty(countyOf(user, query.countyId));
    const names = new Map(townships.map((township) => [township.id, township.name]));
    return xlsxDownload(await evaluationWorkbook(evaluation, names), `执法放权评估-${evaluation.from}至${evaluation.to}.xlsx`);
  }

  @Get('townships/:townshipId/as-of')
  @ApiOperation({
    summary:
      "The township's handovers, readiness and gaps with who was responsible, team, duty list in force and reminders sent, as the record stood at the end of the day",
  })
  @ApiOkResponse({ type: AsOfEvidenceDto })
  @ApiBadRequestResponse({ description: 'date missing, not a date, or after today' })
  @ApiForbiddenResponse({ description: 'Another county, or (a township user) another township' })
  @ApiNotFoundResponse({ description: 'No such township' })
  asOf(@CurrentUser() user: AuthenticatedUser, @Param('townshipId') townshipId: string, @Query() query: AsOfQuery): Promise<AsOfEvidence> {
    return this.evidence(user, townshipId, query);
  }

  @Get('townships/:townshipId/as-of/export.xlsx')
  @ApiProduces(XLSX_MEDIA_TYPE)
  @ApiOperation({ summary: 'The same evidence as a workbook' })
  async exportAsOf(
    @CurrentUser() user: AuthenticatedUser,
    @Param('townshipId') townshipId: string,
    @Query() query: AsOfQuery,
  ): Promise<StreamableFile> {
    const evidence = await this.evidence(user, townshipId, query);
    return xlsxDownload(await asOfWorkbook(evidence), `履职条件-${evidence.townshipName ?? townshipId}-${evidence.date}.xlsx`);
  }

  private async evaluation(user: AuthenticatedUser, query: EvaluationQuery): Promise<PeriodEvaluation> {
    const countyId = countyOf(user, query.countyId);
    const period = valueOr400(parseEvaluationPeriod(query, this.today()));
    let townshipId = query.townshipId;
    if (user.role === 'township') {
      if (user.townshipId === null) throw ProblemException.forbidden('You belong to no township');
      if (townshipId !== undefined && townshipId !== user.townshipId) throw ProblemException.forbidden('This belongs to another township');
      townshipId = user.townshipId;
    }
    const filter: EvaluationFilter = {
      ...(townshipId === undefined ? {} : { townshipId }),
      ...(query.powerCode === undefined ? {} : { powerCode: query.powerCode }),
    };
    const errors: FieldError[] = [];
    if (filter.townshipId !== undefined) {
      const township = await this.directory.findTownship(filter.townshipId).catch(() => null);
      if (township === null || township.countyId !== countyId)
        errors.push({ field: 'townshipId', message: 'no such township in the county' });
    }
    if (filter.powerCode !== undefined && (await this.powers.get(countyId, filter.powerCode)) === null)
      errors.push({ field: 'powerCode', message: "not in the county's power catalogue" });
    if (errors.length > 0) throw ProblemException.badRequest(errors);
    return this.evaluations.evaluate(countyId, period, filter);
  }

  private async evidence(user: AuthenticatedUser, townshipId: string, query: AsOfQuery): Promise<AsOfEvidence> {
    const date = valueOr400(parseAsOfDate(query.date, this.today()));
    const township = await this.directory.findTownship(townshipId).catch(() => null);
    if (township === null) throw ProblemException.notFound(`No township ${townshipId}`);
    assertTownshipAccess(user, { countyId: township.countyId, townshipId: township.id });
    return this.evaluations.asOf(township.countyId, township.id, date);
  }

  private today(): string {
    return localDate(this.clock.now(), this.config.timeZone);
  }
}

function valueOr400<T>(result: Result<T, FieldError[]>): T {
  if (!result.ok) throw ProblemException.badRequest(result.error);
  return result.value;
}

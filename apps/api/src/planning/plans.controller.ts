import { Body, Controller, HttpCode, Post, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { HandoverBatchPlan } from '@fangquan/domain';
import { XLSX_MEDIA_TYPE } from '@fangquan/spreadsheets';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { xlsxDownload } from '../catalogue-sheets/sheet-http';
import { countyOf } from '../http/scope';
import { HandoverBatchDto, HandoverBatchPlanDto } from './dto/handover-batch.dto';
import { planWorkbook } from './planning-sheets';
import { PlanningService } from './planning.service';
import { SheetNamesService } from './sheet-names.service';

/**
 * The batch planner (成熟一批、赋予一批): which townships are ready for which powers from a date, what is
 * missing and the county's total of it. A question, not a command: nothing is written.
 */
@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans/handover-batch')
export class PlansController {
  constructor(
    private readonly planning: PlanningService,
    private readonly names: SheetNamesService,
  ) {}

  @Post()
  @Roles('county_admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Who is ready, who is not and why, and the totals missing, for powers × townships from a date (county_admin); writes nothing',
  })
  @ApiOkResponse({ type: HandoverBatchPlanDto })
  @ApiBadRequestResponse({
    description: 'Every bad field named: powerCodes[i] unknown or repeated, townshipIds[i] not of the county, effectiveOn before today',
  })
  @ApiForbiddenResponse({ description: 'Not the county office' })
  plan(@CurrentUser() user: AuthenticatedUser, @Body() body: HandoverBatchDto): Promise<HandoverBatchPlan> {
    return this.planning.planBatch(countyOf(user, undefined), body);
  }

  @Post('export.xlsx')
  @Roles('county_admin')
  @HttpCode(200)
  @ApiProduces(XLSX_MEDIA_TYPE)
  @ApiOperation({ summary: 'The same plan as a workbook: 可赋予, 暂不具备 (the gaps in Chinese), 缺口合计' })
  async export(@CurrentUser() user: AuthenticatedUser, @Body() body: HandoverBatchDto): Promise<StreamableFile> {
    const countyId = countyOf(user, undefined);
    const plan = await this.planning.planBatch(countyId, body);
    return xlsxDownload(await planWorkbook(plan, await this.names.of(countyId)), `批量赋权评估-${plan.effectiveOn}.xlsx`);
  }
}

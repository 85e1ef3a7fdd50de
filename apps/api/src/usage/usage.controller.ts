import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Handovers, UsageSheets, usageMonths } from '@fangquan/ledger';
import { ReadModelFreshness } from '@fangquan/read-models';
import { writeWorkbook, XLSX_MEDIA_TYPE } from '@fangquan/spreadsheets';
import { assertTownshipAccess } from '../auth/access';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ImportQuery, ImportReportDto, readRows, SheetUploadDto, uploadedRows, xlsxDownload } from '../catalogue-sheets/sheet-http';
import { CommandCall } from '../http/command-call.decorator';
import { IdempotencyInterceptor } from '../http/idempotency/idempotency.interceptor';
import { written } from '../http/ledger-http';
import { ProblemException } from '../http/problem';
import { countyOf, listReachOf } from '../http/scope';
import { SheetUpload } from '../http/upload';
import { UuidParamPipe } from '../http/uuid-param.pipe';
import { RecordUsageDto, UsageDto, UsageExportQuery, UsageMonthsDto } from './dto/usage.dto';
import { USAGE_COLUMNS, USAGE_SHEET_NOTES, usageRowInput, usageSheetRow } from './usage-sheet';

const USAGE_SHEET = { name: '办件量', columns: USAGE_COLUMNS, notes: USAGE_SHEET_NOTES, notesName: '填写说明' } as const;

/**
 * Usage (办件量): the cases handled under each handover per month, recorded by its township (or the
 * county office) by hand or by sheet; an event on the handover's stream, the last figure of a month standing.
 */
@ApiTags('usage')
@ApiBearerAuth()
@Controller()
export class UsageController {
  constructor(
    private readonly handovers: Handovers,
    private readonly sheets: UsageSheets,
    private readonly freshness: ReadModelFreshness,
  ) {}

  @Post('handovers/:id/usage')
  @Roles('township', 'county_admin')
  @HttpCode(200)
  @ApiOperation({
    summary: "Record a month's cases (办件量) of a handover (its township; county_admin)",
    description:
      'The same figure as the one standing for the month writes nothing; another figure stands instead (the history keeps both). ' +
      'The month lies between the one the handover was recorded in and the current one (its revocation month once revoked): otherwise 400 usage-month-out-of-range on month.',
  })
  @ApiOkResponse({ type: UsageDto })
  @ApiBadRequestResponse({ description: 'month not YYYY-MM or out of range, cases not a whole number 0..100000: each field named' })
  @ApiNotFoundResponse({ description: 'Unknown handover' })
  @ApiForbiddenResponse({
    description: "Another county's or another township's handover; a role other than the township's and the county office's",
  })
  @ApiConflictResponse({ description: 'Written meanwhile by someone else; try again' })
  async record(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: RecordUsageDto,
    @CommandCall({ ifMatch: false }) call: CommandCall,
  ): Promise<UsageDto> {
    const result = written(await this.handovers.recordUsage(call.actor, id, body, call.options));
    if (result.lastGlobalPosition !== null) await this.freshness.waitFor(result.lastGlobalPosition);
    return { handoverId: id, month: body.month, cases: result.state.usage[body.month] ?? body.cases, version: result.version };
  }

  @Get('handovers/:id/usage')
  @ApiOperation({ summary: 'The months of a handover with the figure standing for each, oldest first (from the handover’s stream)' })
  @ApiOkResponse({ type: UsageMonthsDto })
  @ApiNotFoundResponse({ description: 'Unknown handover' })
  @ApiForbiddenResponse({ description: 'Another county or township' })
  async months(@CurrentUser() user: AuthenticatedUser, @Param('id', new UuidParamPipe('id')) id: string): Promise<UsageMonthsDto> {
    const loaded = await this.handovers.load(id);
    if (loaded.state.status === 'none') throw ProblemException.notFound(`Handover ${id} does not exist`);
    assertTownshipAccess(user, loaded.state);
    return { handoverId: id, months: usageMonths(loaded.state) };
  }

  @Post('usage/import')
  @Roles('township', 'county_admin')
  @HttpCode(200)
  @UseInterceptors(SheetUpload, IdempotencyInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: SheetUploadDto })
  @ApiOperation({
    summary: 'Import months’ cases from an .xlsx or UTF-8 .csv sheet in the columns of the template: all rows or none',
    description:
      'One row per handover and month, each decided as POST /handovers/:id/usage decides it; a township’s users only for their township’s handovers. ' +
      'created: a month’s first figure; updated: another figure for a month; unchanged: the same figure.',
  })
  @ApiOkResponse({ type: ImportReportDto })
  @ApiBadRequestResponse({ description: 'Not a readable sheet, wrong columns, or bad rows: each named rows[N].<column>' })
  @ApiPayloadTooLargeResponse({ description: 'The file is larger than 5 MB' })
  @ApiConflictResponse({ description: 'Handovers of the file changed meanwhile; nothing was written' })
  async import(
    @UploadedFile() file: Express.Multer.File | undefined,
    @Query() query: ImportQuery,
    @CommandCall({ ifMatch: false }) call: CommandCall,
  ): Promise<ImportReportDto> {
    const rows = await uploadedRows(file, USAGE_COLUMNS);
    const { inputs, rowErrors } = readRows(rows, usageRowInput);
    const result = written(
      await this.sheets.importUsage(call.actor, inputs, { ...call.options, dryRun: query.dryRun === true, rowErrors }),
    );
    if (result.lastGlobalPosition !== null) await this.freshness.waitFor(result.lastGlobalPosition);
    return { ...result.state, errors: [] };
  }

  @Get('usage/import-template.xlsx')
  @ApiProduces(XLSX_MEDIA_TYPE)
  @ApiOperation({ summary: 'The empty sheet to fill for POST /usage/import: its Chinese column headers and how to fill them' })
  @ApiOkResponse({ description: 'The workbook' })
  async template(): Promise<StreamableFile> {
    return xlsxDownload(await writeWorkbook({ ...USAGE_SHEET, rows: [] }), '办件量导入模板.xlsx');
  }

  @Get('usage/export.xlsx')
  @ApiProduces(XLSX_MEDIA_TYPE)
  @ApiOperation({
    summary: "The standing figures of the months from..to as an .xlsx in the template's columns (it imports back unchanged)",
    description: 'The county’s handovers; a township’s users their township’s, a department’s users their department’s.',
  })
  @ApiOkResponse({ description: 'The workbook' })
  @ApiBadRequestResponse({ description: 'from or to not YYYY-MM, or from after to' })
  async export(@CurrentUser() user: AuthenticatedUser, @Query() query: UsageExportQuery): Promise<StreamableFile> {
    if (query.from !== undefined && query.to !== undefined && query.from > query.to)
      throw ProblemException.badRequest([{ field: 'from', message: 'must not be after to' }]);
    const scope = { countyId: countyOf(user, query.countyId), ...listReachOf(user) };
    const figures = await this.sheets.figures(scope, { from: query.from, to: query.to });
    return xlsxDownload(await writeWorkbook({ ...USAGE_SHEET, rows: figures.map(usageSheetRow) }), '办件量.xlsx');
  }
}

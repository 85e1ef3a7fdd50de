import { Controller, Get, Query, StreamableFile, UploadedFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DutyImports } from '@fangquan/ledger';
import { DutyQueries, ReadModelFreshness } from '@fangquan/read-models';
import { writeWorkbook, XLSX_MEDIA_TYPE } from '@fangquan/spreadsheets';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CountyQuery } from '../catalogue/dto/powers.query';
import { CommandCall } from '../http/command-call.decorator';
import { written } from '../http/ledger-http';
import { ProblemException } from '../http/problem';
import { countyOf } from '../http/scope';
import { DUTY_COLUMNS, DUTY_SHEET_NOTES, dutyRowInput, dutySheetRow } from './duty-sheet';
import { ImportQuery, type ImportReportDto, readRows, SheetImportRoute, uploadedRows, xlsxDownload } from './sheet-http';

const DUTY_SHEET = { name: '职责事项', columns: DUTY_COLUMNS, notes: DUTY_SHEET_NOTES, notesName: '填写说明' } as const;

/** The county's duty catalogue (职责目录) as a spreadsheet: template, import (all rows or none) and export. */
@ApiTags('duties')
@ApiBearerAuth()
@Controller('duties')
export class DutySheetsController {
  constructor(
    private readonly imports: DutyImports,
    private readonly queries: DutyQueries,
    private readonly freshness: ReadModelFreshness,
  ) {}

  @SheetImportRoute('Import duty items from an .xlsx or UTF-8 .csv sheet in the columns of the template (county_admin): all rows or none')
  async import(
    @UploadedFile() file: Express.Multer.File | undefined,
    @Query() query: ImportQuery,
    @CommandCall({ ifMatch: false }) call: CommandCall,
  ): Promise<ImportReportDto> {
    const countyId = call.actor.countyId;
    if (countyId === null) throw ProblemException.forbidden('A duty item is registered within a county; you belong to none');
    const rows = await uploadedRows(file, DUTY_COLUMNS);
    const { inputs, rowErrors } = readRows(rows, (row) => dutyRowInput(row, countyId));
    const result = written(
      await this.imports.importCatalogue(call.actor, inputs, { ...call.options, dryRun: query.dryRun === true, rowErrors }),
    );
    if (result.lastGlobalPosition !== null) await this.freshness.waitFor(result.lastGlobalPosition);
    return { ...result.state, errors: [] };
  }

  @Get('import-template.xlsx')
  @ApiProduces(XLSX_MEDIA_TYPE)
  @ApiOperation({ summary: 'The empty sheet to fill for POST /duties/import: its Chinese column headers and how to fill them' })
  @ApiOkResponse({ description: 'The workbook' })
  async template(): Promise<StreamableFile> {
    return xlsxDownload(await writeWorkbook({ ...DUTY_SHEET, rows: [] }), '职责事项导入模板.xlsx');
  }

  @Get('export.xlsx')
  @ApiProduces(XLSX_MEDIA_TYPE)
  @ApiOperation({ summary: "The county's duty catalogue as an .xlsx workbook in the template's columns (it imports back unchanged)" })
  @ApiOkResponse({ description: 'The workbook' })
  async export(@CurrentUser() user: AuthenticatedUser, @Query() query: CountyQuery): Promise<StreamableFile> {
    const duties = await this.queries.all(countyOf(user, query.countyId));
    return xlsxDownload(await writeWorkbook({ ...DUTY_SHEET, rows: duties.map(dutySheetRow) }), '职责事项目录.xlsx');
  }
}

import { Controller, Get, Query, StreamableFile, UploadedFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Vocabulary } from '@fangquan/domain';
import { PowerItems, Vocabularies } from '@fangquan/ledger';
import { PowerQueries, ReadModelFreshness } from '@fangquan/read-models';
import { writeWorkbook } from '@fangquan/spreadsheets';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CountyQuery } from '../catalogue/dto/powers.query';
import { CommandCall } from '../http/command-call.decorator';
import { written } from '../http/ledger-http';
import { ProblemException } from '../http/problem';
import { countyOf } from '../http/scope';
import { type CountyTerms, POWER_COLUMNS, POWER_SHEET_NOTES, powerRowInput, powerSheetRow } from './power-sheet';
import { ImportQuery, type ImportReportDto, readRows, SheetImportRoute, uploadedRows, xlsxDownload } from './sheet-http';

/** The county catalogue of powers as a spreadsheet: import (all rows or none) and export. */
@ApiTags('catalogue')
@ApiBearerAuth()
@Controller('powers')
export class PowerSheetsController {
  constructor(
    private readonly powers: PowerItems,
    private readonly vocabularies: Vocabularies,
    private readonly queries: PowerQueries,
    private readonly freshness: ReadModelFreshness,
  ) {}

  @SheetImportRoute(
    'Import powers from an .xlsx or UTF-8 .csv sheet (county_admin): new codes registered, known ones get their requirements revised; all rows or none',
  )
  async import(
    @UploadedFile() file: Express.Multer.File | undefined,
    @Query() query: ImportQuery,
    @CommandCall({ ifMatch: false }) call: CommandCall,
  ): Promise<ImportReportDto> {
    const rows = await uploadedRows(file, POWER_COLUMNS);
    const countyId = call.actor.countyId;
    if (countyId === null) throw ProblemException.forbidden('A power is registered within a county; you belong to none');
    const terms = await this.terms(countyId);
    // Rows the sheet cannot even read are refused together with the rows the catalogue's rules refuse.
    const { inputs, rowErrors } = readRows(rows, (row) => powerRowInput(row, countyId, terms));
    const result = written(
      await this.powers.importCatalogue(call.actor, inputs, { ...call.options, dryRun: query.dryRun === true, rowErrors }),
    );
    if (result.lastGlobalPosition !== null) await this.freshness.waitFor(result.lastGlobalPosition);
    return { ...result.state, errors: [] };
  }

  @Get('export.xlsx')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({ summary: "The county's catalogue of powers as an .xlsx workbook, in the import's columns" })
  @ApiOkResponse({ description: 'The workbook' })
  async export(@CurrentUser() user: AuthenticatedUser, @Query() query: CountyQuery): Promise<StreamableFile> {
    const countyId = countyOf(user, query.countyId);
    const [powers, terms] = await Promise.all([this.queries.list(countyId), this.terms(countyId)]);
    const bytes = await writeWorkbook({
      name: '权力事项',
      columns: POWER_COLUMNS,
      rows: powers.map((power) => powerSheetRow(power, terms)),
      notes: POWER_SHEET_NOTES,
      notesName: '填写说明',
    });
    return xlsxDownload(bytes, '权力事项目录.xlsx');
  }

  private async terms(countyId: string): Promise<CountyTerms> {
    const termsOf = async (vocabulary: Vocabulary) => {
      const { state } = await this.vocabularies.load(countyId, vocabulary);
      return state.status === 'none' ? [] : state.terms;
    };
    const [kinds, courses] = await Promise.all([termsOf('equipment-kinds'), termsOf('training-courses')]);
    return { 'equipment-kinds': kinds, 'training-courses': courses };
  }
}

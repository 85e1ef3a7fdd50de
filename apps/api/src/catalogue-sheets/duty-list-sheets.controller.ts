import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { UserDirectory } from '@fangquan/identity';
import { DutyLists } from '@fangquan/ledger';
import { writeWorkbook, XLSX_MEDIA_TYPE } from '@fangquan/spreadsheets';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { DutyListSourcesReader } from '../duties/duty-list-sources';
import { UuidParamPipe } from '../http/uuid-param.pipe';
import { DUTY_LIST_COLUMNS, dutyListNotes, dutyListRows } from './duty-list-sheet';
import { xlsxDownload } from './sheet-http';

/** A township's duty list as a spreadsheet, read as GET /townships/:townshipId/duty-list reads it. */
@ApiTags('duty lists')
@ApiBearerAuth()
@Controller('townships/:townshipId/duty-list')
export class DutyListSheetsController {
  constructor(
    private readonly lists: DutyLists,
    private readonly reads: DutyListSourcesReader,
    private readonly directory: UserDirectory,
  ) {}

  @Get('export.xlsx')
  @ApiProduces(XLSX_MEDIA_TYPE)
  @ApiOperation({ summary: "The township's working list as an .xlsx workbook: basic, assisting, returned items, with a notes sheet" })
  @ApiOkResponse({ description: 'The workbook' })
  @ApiForbiddenResponse({ description: "Another county, or another township's list" })
  @ApiNotFoundResponse({ description: 'No such township' })
  async export(
    @CurrentUser() user: AuthenticatedUser,
    @Param('townshipId', new UuidParamPipe('townshipId')) townshipId: string,
  ): Promise<StreamableFile> {
    const township = await this.reads.township(user, townshipId);
    const [loaded, sources, named] = await Promise.all([
      this.lists.load(township.id),
      this.reads.sources(township),
      this.directory.findTownship(township.id),
    ]);
    const items = DutyLists.resolve(loaded.state, sources);
    const name = named?.name ?? township.id;
    const bytes = await writeWorkbook({
      name: '职责清单',
      columns: DUTY_LIST_COLUMNS,
      rows: dutyListRows(items),
      notes: dutyListNotes(name, loaded.state, items),
      notesName: '说明',
    });
    return xlsxDownload(bytes, `职责清单-${name}.xlsx`);
  }
}

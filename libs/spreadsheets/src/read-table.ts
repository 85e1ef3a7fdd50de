import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import {
  type TableColumn,
  type TableFieldError,
  TableFieldCodes,
  type TableFile,
  TableProblemCodes,
  type TableReading,
  type TableRow,
  tableRefusal,
} from './table';

/** Most data rows one file may carry; a catalogue is a few hundred items. */
export const TABLE_ROWS_MAX = 5000;

/** The first bytes of every zip archive, hence of every `.xlsx` workbook. */
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A cell as read, before the header is matched: its text, and whether the sheet computes it (a formula). */
interface SheetCell {
  readonly text: string;
  readonly formula?: string;
}

/** A sheet as read from either format: its rows by row number, and its merged ranges' top-left cells. */
interface Sheet {
  readonly rows: ReadonlyArray<{ readonly rowNumber: number; readonly cells: ReadonlyArray<SheetCell> }>;
  readonly merges: ReadonlyArray<{ readonly range: string; readonly rowNumber: number; readonly column: number }>;
}

/**
 * Reads an uploaded `.xlsx` workbook (its first sheet) or UTF-8 `.csv` file (a BOM is allowed) whose
 * first row names the columns: every data row with its own row number and the text of each known
 * column. Refuses, naming each bad place: a file that is not a spreadsheet, an empty one, a CSV that
 * is not UTF-8, missing, unknown or repeated column headers, merged cells, formulas, more than
 * TABLE_ROWS_MAX rows, and text that cannot be stored (NUL, lone surrogates).
 */
export async function readTable(file: TableFile, columns: readonly TableColumn[]): Promise<TableReading> {
  if (file.bytes.length === 0) {
    return tableRefusal(TableProblemCodes.emptySpreadsheet, 'The file is empty', [
      { field: 'file', code: TableFieldCodes.empty, message: 'the file is empty' },
    ]);
  }
  const isWorkbook = file.bytes.subarray(0, ZIP_SIGNATURE.length).equals(ZIP_SIGNATURE);
  const isCsv = !isWorkbook && /\.csv$/i.test(file.name);
  if (!isWorkbook && !isCsv) return notASpreadsheet('neither an .xlsx workbook nor a .csv file');
  const sheet = isWorkbook ? await readWorkbook(file.bytes) : readCsv(file.bytes);
  if ('ok' in sheet) return sheet;
  return tableOf(sheet, columns);
}

function notASpreadsheet(why: string): TableReading {
  return tableRefusal(TableProblemCodes.notASpreadsheet, `The file is not a spreadsheet: ${why}`, [
    { field: 'file', code: TableFieldCodes.notASpreadsheet, message: why },
  ]);
}

async function readWorkbook(bytes: Buffer): Promise<Sheet | TableReading> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    return notASpreadsheet('an archive that is not an .xlsx workbook');
  }
  const worksheet = workbook.worksheets[0];
  if (worksheet === undefined) return notASpreadsheet('a workbook without a sheet');
  const rows: Array<Sheet['rows'][number]> = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: SheetCell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellOf(cell);
    });
    for (let index = 0; index < cells.length; index += 1) cells[index] ??= { text: '' };
    rows.push({ rowNumber, cells });
  });
  const merges = worksheet.model.merges.map((range) => {
    const topLeft = worksheet.getCell(range.split(':')[0] ?? range);
    return { range, rowNumber: Number(topLeft.row), column: Number(topLeft.col) };
  });
  return { rows, merges };
}

function cellOf(cell: ExcelJS.Cell): SheetCell {
  const value = cell.value;
  if (cell.type === ExcelJS.ValueType.Formula || (isObject(value) && ('formula' in value || 'sharedFormula' in value))) {
    return { text: '', formula: cell.formula ?? 'shared formula' };
  }
  return { text: textOf(value) };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !(value instanceof Date);
}

/** A cell's value as the text a person typed: numbers as written, dates as YYYY-MM-DD, rich text and links as their text. */
function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (isObject(value)) {
    if (Array.isArray(value.richText)) return value.richText.map((run: unknown) => (isObject(run) ? textOf(run.text) : '')).join('');
    if ('text' in value) return textOf(value.text);
    if ('error' in value) return textOf(value.error);
  }
  return '';
}

function readCsv(bytes: Buffer): Sheet | TableReading {
  let text: string;
  try {
    // The BOM of a UTF-8 file saved by Excel is dropped by the decoder.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return tableRefusal(TableProblemCodes.notUtf8, 'The CSV file is not UTF-8 text; save it as "CSV UTF-8"', [
      { field: 'file', code: TableFieldCodes.badEncoding, message: 'not valid UTF-8 (e.g. GBK); save the file as CSV UTF-8' },
    ]);
  }
  let records: string[][];
  try {
    records = parseCsv(text, { relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][];
  } catch (error) {
    return notASpreadsheet(`the CSV text cannot be read (${error instanceof Error ? error.message : 'malformed'})`);
  }
  // A CSV record is one row of the sheet it opens as, whatever line breaks its quoted cells hold.
  return { rows: records.map((cells, index) => ({ rowNumber: index + 1, cells: cells.map((cell) => ({ text: cell })) })), merges: [] };
}

/** Column letters as the sheet shows them: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

function tableOf(sheet: Sheet, columns: readonly TableColumn[]): TableReading {
  const [header, ...body] = sheet.rows;
  if (header === undefined || header.rowNumber !== 1) {
    return tableRefusal(TableProblemCodes.emptySpreadsheet, 'The sheet has no header row', [
      { field: 'file', code: TableFieldCodes.empty, message: 'the first row must name the columns' },
    ]);
  }
  const fieldAt = new Map<number, string>();
  const errors: TableFieldError[] = [];
  header.cells.forEach((cell, index) => {
    const title = cell.text.trim();
    if (title === '') return;
    const column = columns.find((candidate) => candidate.header === title || candidate.field === title);
    if (column === undefined) {
      errors.push({
        field: `columns.${columnLetter(index + 1)}`,
        code: TableFieldCodes.unknownColumn,
        message: `'${title}' is not a column of the template`,
      });
    } else if ([...fieldAt.values()].includes(column.field)) {
      errors.push({
        field: `columns.${column.field}`,
        code: TableFieldCodes.repeatedColumn,
        message: `column '${column.header}' appears twice`,
      });
    } else fieldAt.set(index, column.field);
  });
  for (const column of columns) {
    if (column.required && ![...fieldAt.values()].includes(column.field))
      errors.push({
        field: `columns.${column.field}`,
        code: TableFieldCodes.missingColumn,
        message: `column '${column.header}' is missing`,
      });
  }
  if (errors.length > 0) {
    const expected = columns.map((column) => column.header).join(', ');
    return tableRefusal(TableProblemCodes.wrongColumns, `The header row does not match the template (columns: ${expected})`, errors);
  }

  const placeOf = (rowNumber: number, column: number): string => `rows[${rowNumber}].${fieldAt.get(column - 1) ?? columnLetter(column)}`;
  if (sheet.merges.length > 0) {
    return tableRefusal(
      TableProblemCodes.mergedCells,
      `The sheet has merged cells (${sheet.merges.map((merge) => merge.range).join(', ')}); unmerge them and fill every cell`,
      sheet.merges.map((merge) => ({
        field: merge.rowNumber === 1 ? `columns.${columnLetter(merge.column)}` : placeOf(merge.rowNumber, merge.column),
        code: TableFieldCodes.mergedCell,
        message: `cells ${merge.range} are merged`,
      })),
    );
  }
  const formulas: TableFieldError[] = [];
  for (const row of sheet.rows) {
    row.cells.forEach((cell, index) => {
      if (cell.formula !== undefined)
        formulas.push({
          field: placeOf(row.rowNumber, index + 1),
          code: TableFieldCodes.formula,
          message: `cell ${columnLetter(index + 1)}${row.rowNumber} holds a formula (=${cell.formula}); paste its value instead`,
        });
    });
  }
  if (formulas.length > 0) return tableRefusal(TableProblemCodes.formulas, 'The sheet holds formulas; only values are imported', formulas);

  const rows: TableRow[] = [];
  for (const row of body) {
    const values: Record<string, string> = {};
    row.cells.forEach((cell, index) => {
      const field = fieldAt.get(index);
      const text = cell.text.trim();
      if (field === undefined || text === '') return;
      if (text.includes('\u0000') || LONE_SURROGATE.test(text))
        errors.push({
          field: `rows[${row.rowNumber}].${field}`,
          code: TableFieldCodes.notStorableText,
          message: 'holds characters that cannot be stored',
        });
      values[field] = text;
    });
    if (Object.keys(values).length > 0) rows.push({ rowNumber: row.rowNumber, values });
  }
  if (errors.length > 0) return tableRefusal(TableProblemCodes.badRows, 'Some cells cannot be stored', errors);
  if (rows.length === 0) {
    return tableRefusal(TableProblemCodes.emptySpreadsheet, 'The sheet has no rows below its header', [
      { field: 'rows', code: TableFieldCodes.empty, message: 'no rows below the header' },
    ]);
  }
  if (rows.length > TABLE_ROWS_MAX) {
    return tableRefusal(
      TableProblemCodes.tooManyRows,
      `The sheet has ${rows.length} rows; at most ${TABLE_ROWS_MAX} are imported at once`,
      [{ field: 'rows', code: TableFieldCodes.tooMany, message: `must have at most ${TABLE_ROWS_MAX} rows` }],
    );
  }
  return { ok: true, rows };
}

/**
 * Every row whose `field` repeats another row's (compared as written, trimmed): each named, with the
 * other rows that carry the same value.
 */
export function duplicateValues(rows: readonly TableRow[], field: string): TableFieldError[] {
  const rowsOf = new Map<string, number[]>();
  for (const row of rows) {
    const value = row.values[field];
    if (value === undefined) continue;
    rowsOf.set(value, [...(rowsOf.get(value) ?? []), row.rowNumber]);
  }
  const errors: TableFieldError[] = [];
  for (const [value, numbers] of rowsOf) {
    if (numbers.length < 2) continue;
    for (const rowNumber of numbers) {
      const others = numbers.filter((other) => other !== rowNumber).join(', ');
      errors.push({
        field: `rows[${rowNumber}].${field}`,
        code: TableFieldCodes.duplicate,
        message: `duplicate ${field} '${value}' (also in row ${others})`,
      });
    }
  }
  return errors.sort((a, b) => rowNumberOf(a.field) - rowNumberOf(b.field));
}

function rowNumberOf(field: string): number {
  return Number(/^rows\[(\d+)\]/.exec(field)?.[1] ?? 0);
}

/** One column of a spreadsheet the service reads or writes: the API field it carries and its header as people see it. */
export interface TableColumn {
  /** The field of the API the column carries, e.g. `code`; bad cells are named `rows[N].<field>`. */
  readonly field: string;
  /** The column's header in the sheet's first row, e.g. `编码`. */
  readonly header: string;
  /** A sheet without this column is refused; optional columns may be left out. */
  readonly required: boolean;
  /** Width of the column in a written workbook, in characters. */
  readonly width?: number;
}

/** A row of a sheet: its own row number (the header is row 1) and the text of each known column (blank cells absent). */
export interface TableRow {
  readonly rowNumber: number;
  readonly values: Readonly<Record<string, string>>;
}

export interface TableFile {
  readonly bytes: Buffer;
  /** The name the file was uploaded under; `.csv` marks a CSV file, anything else must be an `.xlsx` workbook. */
  readonly name: string;
}

/** A bad cell, header or file, named like the API names bad fields (`rows[3].code`, `columns.name`, `file`). */
export interface TableFieldError {
  readonly field: string;
  readonly message: string;
  readonly code: TableFieldCode;
}

/** Why a file was not read as a table: one stable code for the whole refusal, and each bad place named. */
export interface TableRefusal {
  readonly code: TableProblemCode;
  readonly detail: string;
  readonly errors: readonly TableFieldError[];
}

export type TableReading = { readonly ok: true; readonly rows: TableRow[] } | { readonly ok: false; readonly refusal: TableRefusal };

/** Codes of the refusals of a whole file (problem+json `code`). */
export const TableProblemCodes = {
  notASpreadsheet: 'not-a-spreadsheet',
  emptySpreadsheet: 'empty-spreadsheet',
  notUtf8: 'spreadsheet-not-unicode',
  wrongColumns: 'wrong-columns',
  formulas: 'spreadsheet-formulas',
  mergedCells: 'merged-cells',
  duplicateCodes: 'duplicate-codes',
  tooManyRows: 'too-many-rows',
  badRows: 'bad-rows',
} as const;
export type TableProblemCode = (typeof TableProblemCodes)[keyof typeof TableProblemCodes];

/** Codes of the bad places a refusal names (`errors[].code`). */
export const TableFieldCodes = {
  notASpreadsheet: 'not-a-spreadsheet',
  empty: 'no-rows',
  badEncoding: 'bad-encoding',
  missingColumn: 'missing-column',
  unknownColumn: 'unknown-column',
  repeatedColumn: 'repeated-column',
  formula: 'formula',
  mergedCell: 'merged-cell',
  duplicate: 'duplicate',
  tooMany: 'too-many',
  notStorableText: 'not-storable-text',
} as const;
export type TableFieldCode = (typeof TableFieldCodes)[keyof typeof TableFieldCodes];

export function tableRefusal(code: TableProblemCode, detail: string, errors: readonly TableFieldError[]): TableReading {
  return { ok: false, refusal: { code, detail, errors } };
}

import type { FieldError } from '../api/types';

/** One bad cell of an imported spreadsheet: its row (the spreadsheet's own number) and column. */
export interface ImportErrorRow {
  row: number | undefined;
  column: string;
  error: FieldError;
}

/**
 * The import's `errors` (`rows[N].column`, N the spreadsheet's row number) ordered row by row, then by
 * column; an error about the whole file (`file`, a header) comes first, without a row.
 */
export function importErrorRows(errors: readonly FieldError[]): ImportErrorRow[] {
  return errors
    .map((error) => {
      const match = /^rows\[(\d+)\](?:\.(.+))?$/.exec(error.field);
      return match ? { row: Number(match[1]), column: match[2] ?? '', error } : { row: undefined, column: error.field, error };
    })
    .sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || a.column.localeCompare(b.column));
}

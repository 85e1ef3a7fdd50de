import { describe, expect, it } from 'vitest';
import { importErrorRows } from './import-report';

describe('the import report, row by row', () => {
  it('orders the bad cells by the spreadsheet’s row number and names each column, the whole-file errors first', () => {
    const rows = importErrorRows([
      { field: 'rows[12].defaultCategory', message: 'must be one of', code: 'not-one-of' },
      { field: 'rows[3].name', message: 'is required', code: 'required' },
      { field: 'rows[3].code', message: 'repeats row 2', code: 'duplicate' },
      { field: 'file', message: 'not a spreadsheet', code: 'invalid' },
    ]);
    expect(rows.map(({ row, column }) => [row, column])).toEqual([
      [undefined, 'file'],
      [3, 'code'],
      [3, 'name'],
      [12, 'defaultCategory'],
    ]);
    expect(rows[1]?.error.code).toBe('duplicate');
  });
});

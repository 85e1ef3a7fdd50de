import ExcelJS from 'exceljs';
import { duplicateValues, readTable, TABLE_ROWS_MAX } from './read-table';
import type { TableColumn, TableReading, TableRow } from './table';
import { writeWorkbook } from './write-workbook';

const COLUMNS: TableColumn[] = [
  { field: 'code', header: '编码', required: true },
  { field: 'name', header: '名称', required: true },
  { field: 'note', header: '说明', required: false },
];

async function workbook(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  fill(book.addWorksheet('清单'));
  return Buffer.from(await book.xlsx.writeBuffer());
}

function refusalOf(reading: TableReading): { code: string; fields: string[]; codes: string[] } {
  if (reading.ok) throw new Error(`expected a refusal, read ${reading.rows.length} rows`);
  return {
    code: reading.refusal.code,
    fields: reading.refusal.errors.map((error) => error.field),
    codes: reading.refusal.errors.map((error) => error.code),
  };
}

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

describe('readTable', () => {
  it('reads a workbook: each row with its own number, blank rows skipped, blank cells absent, values as text', async () => {
    const bytes = await workbook((sheet) => {
      sheet.addRow(['编码', '名称', '说明']);
      sheet.addRow(['P-1', '占道经营处罚', '  县城区 ']);
      sheet.addRow([]);
      sheet.addRow([42, { richText: [{ text: '富' }, { text: '文本' }] }]);
    });
    const reading = await readTable({ bytes, name: 'catalogue.xlsx' }, COLUMNS);
    expect(reading).toEqual({
      ok: true,
      rows: [
        { rowNumber: 2, values: { code: 'P-1', name: '占道经营处罚', note: '县城区' } },
        { rowNumber: 4, values: { code: '42', name: '富文本' } },
      ],
    });
  });

  it('reads a workbook it wrote itself (headers in any order of the template)', async () => {
    const bytes = await writeWorkbook({ name: '清单', columns: [...COLUMNS].reverse(), rows: [{ code: 'A', name: '甲', note: '注' }] });
    const reading = await readTable({ bytes, name: 'export.xlsx' }, COLUMNS);
    expect(reading).toEqual({ ok: true, rows: [{ rowNumber: 2, values: { code: 'A', name: '甲', note: '注' } }] });
  });

  it('reads a UTF-8 CSV with a BOM, quoted cells and line breaks inside them', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('编码,名称\r\nP-1,"甲,乙"\r\nP-2,"两\n行"\r\n')]);
    const reading = await readTable({ bytes, name: 'catalogue.CSV' }, COLUMNS);
    expect(reading).toEqual({
      ok: true,
      rows: [
        { rowNumber: 2, values: { code: 'P-1', name: '甲,乙' } },
        { rowNumber: 3, values: { code: 'P-2', name: '两\n行' } },
      ],
    });
  });

  it('refuses an empty file, and a sheet with a header and no rows', async () => {
    expect(refusalOf(await readTable({ bytes: Buffer.alloc(0), name: 'a.xlsx' }, COLUMNS))).toEqual({
      code: 'empty-spreadsheet',
      fields: ['file'],
      codes: ['no-rows'],
    });
    expect(refusalOf(await readTable({ bytes: utf8('编码,名称\n'), name: 'a.csv' }, COLUMNS))).toEqual({
      code: 'empty-spreadsheet',
      fields: ['rows'],
      codes: ['no-rows'],
    });
  });

  it('refuses a PNG renamed .xlsx, a zip that is no workbook and a text file not named .csv', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(refusalOf(await readTable({ bytes: png, name: 'catalogue.xlsx' }, COLUMNS)).code).toBe('not-a-spreadsheet');
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 7)]);
    expect(refusalOf(await readTable({ bytes: zip, name: 'catalogue.xlsx' }, COLUMNS))).toEqual({
      code: 'not-a-spreadsheet',
      fields: ['file'],
      codes: ['not-a-spreadsheet'],
    });
    expect(refusalOf(await readTable({ bytes: utf8('编码,名称\nA,甲\n'), name: 'catalogue.txt' }, COLUMNS)).code).toBe('not-a-spreadsheet');
  });

  it('refuses a CSV that is not UTF-8 (GBK bytes)', async () => {
    // "编码,名称\nA,甲\n" in GBK.
    const gbk = Buffer.from([0xb1, 0xe0, 0xc2, 0xeb, 0x2c, 0xc3, 0xfb, 0xb3, 0xc6, 0x0a, 0x41, 0x2c, 0xbc, 0xd7, 0x0a]);
    expect(refusalOf(await readTable({ bytes: gbk, name: 'catalogue.csv' }, COLUMNS))).toEqual({
      code: 'spreadsheet-not-unicode',
      fields: ['file'],
      codes: ['bad-encoding'],
    });
  });

  it('refuses a CSV whose quotes never close', async () => {
    expect(refusalOf(await readTable({ bytes: utf8('编码,名称\nA,"甲\n'), name: 'a.csv' }, COLUMNS)).code).toBe('not-a-spreadsheet');
  });

  it('names every missing, unknown and repeated column', async () => {
    const reading = await readTable({ bytes: utf8('编码,编号,说明,说明\nA,1,x,y\n'), name: 'a.csv' }, COLUMNS);
    expect(refusalOf(reading)).toEqual({
      code: 'wrong-columns',
      fields: ['columns.B', 'columns.note', 'columns.name'],
      codes: ['unknown-column', 'repeated-column', 'missing-column'],
    });
  });

  it('names each formula cell by row and field, and each merged range by its first cell', async () => {
    const formulas = await workbook((sheet) => {
      sheet.addRow(['编码', '名称']);
      sheet.addRow(['A', '甲']);
      sheet.addRow(['B', { formula: 'A2&"乙"', result: '甲乙' }]);
      sheet.addRow([{ formula: 'A3', result: 'B' }, '丙']);
    });
    expect(refusalOf(await readTable({ bytes: formulas, name: 'a.xlsx' }, COLUMNS))).toEqual({
      code: 'spreadsheet-formulas',
      fields: ['rows[3].name', 'rows[4].code'],
      codes: ['formula', 'formula'],
    });

    const merged = await workbook((sheet) => {
      sheet.addRow(['编码', '名称']);
      sheet.addRow(['A', '甲']);
      sheet.addRow(['B', '乙']);
      sheet.mergeCells('B2:B3');
    });
    expect(refusalOf(await readTable({ bytes: merged, name: 'a.xlsx' }, COLUMNS))).toEqual({
      code: 'merged-cells',
      fields: ['rows[2].name'],
      codes: ['merged-cell'],
    });
  });

  it('refuses text that cannot be stored, and more rows than one import takes', async () => {
    expect(refusalOf(await readTable({ bytes: utf8('编码,名称\nA,甲\u0000\n'), name: 'a.csv' }, COLUMNS))).toEqual({
      code: 'bad-rows',
      fields: ['rows[2].name'],
      codes: ['not-storable-text'],
    });
    const many = ['编码,名称', ...Array.from({ length: TABLE_ROWS_MAX + 1 }, (_, index) => `C${index},名`)].join('\n');
    expect(refusalOf(await readTable({ bytes: utf8(many), name: 'a.csv' }, COLUMNS)).code).toBe('too-many-rows');
  });
});

describe('duplicateValues', () => {
  it('names every row whose value another row carries too, in row order', () => {
    const rows: TableRow[] = [
      { rowNumber: 2, values: { code: 'A' } },
      { rowNumber: 3, values: { code: 'B' } },
      { rowNumber: 4, values: { code: 'A' } },
      { rowNumber: 5, values: {} },
      { rowNumber: 6, values: { code: 'A' } },
    ];
    expect(duplicateValues(rows, 'code')).toEqual([
      { field: 'rows[2].code', code: 'duplicate', message: "duplicate code 'A' (also in row 4, 6)" },
      { field: 'rows[4].code', code: 'duplicate', message: "duplicate code 'A' (also in row 2, 6)" },
      { field: 'rows[6].code', code: 'duplicate', message: "duplicate code 'A' (also in row 2, 4)" },
    ]);
  });
});

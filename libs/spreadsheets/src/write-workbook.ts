import ExcelJS from 'exceljs';
import type { TableColumn } from './table';

export interface WorkbookSheet {
  readonly name: string;
  readonly columns: readonly TableColumn[];
  /** One object per row, by the columns' fields; absent fields are blank cells. */
  readonly rows: ReadonlyArray<Readonly<Record<string, string | number | undefined>>>;
  /** Lines of a second sheet that explains how to fill the first (a template's notes). */
  readonly notes?: readonly string[];
  readonly notesName?: string;
}

/**
 * An `.xlsx` workbook of one sheet, or of several in order: the columns' headers in row 1 (bold,
 * frozen, so they stay in view), each column as wide as given, every value written as a value (text
 * stays text, never a formula).
 */
export async function writeWorkbook(sheets: WorkbookSheet | readonly WorkbookSheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Fangquan';
  for (const sheet of Array.isArray(sheets) ? (sheets as readonly WorkbookSheet[]) : [sheets as WorkbookSheet]) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.columns = sheet.columns.map((column) => ({ header: column.header, key: column.field, width: column.width ?? 16 }));
    worksheet.getRow(1).font = { bold: true };
    for (const row of sheet.rows) worksheet.addRow(row);
    if (sheet.notes !== undefined) {
      const notes = workbook.addWorksheet(sheet.notesName ?? 'Notes');
      notes.getColumn(1).width = 100;
      for (const line of sheet.notes) notes.addRow([line]);
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The media type of `.xlsx` files, for downloads. */
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

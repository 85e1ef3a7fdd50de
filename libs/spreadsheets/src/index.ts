export * from './table';
export { readTable, duplicateValues, columnLetter, TABLE_ROWS_MAX } from './read-table';
export { writeWorkbook, XLSX_MEDIA_TYPE, type WorkbookSheet } from './write-workbook';

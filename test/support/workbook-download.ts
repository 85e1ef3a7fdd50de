import ExcelJS from 'exceljs';
import type { AuthorizedClient } from './test-app';

/** A workbook download, read after checking it is one: 200, the `.xlsx` media type, an attachment with a UTF-8 name. */
export async function downloadWorkbook(client: AuthorizedClient, path: string): Promise<ExcelJS.Workbook> {
  const response = await client
    .get(path)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
  if (response.status !== 200) throw new Error(`expected 200, got ${response.status}: ${response.text}`);
  expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  expect(response.headers['content-disposition']).toMatch(/^attachment; filename="[^"]+\.xlsx"; filename\*=UTF-8''/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(response.body as ExcelJS.Buffer);
  return book;
}

import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { startTestApp, TEST_ADMIN, type AuthorizedClient, type TestApp } from '../support/test-app';
import { downloadWorkbook } from '../support/workbook-download';

interface ProblemBody {
  type: string;
  status: number;
  code: string;
  detail: string;
  errors?: Array<{ field: string; code: string; message: string }>;
}

function expectStatus(response: Response, status: number): void {
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${response.text}`);
}

function expectProblem(response: Response, status: number, code: string): ProblemBody {
  expectStatus(response, status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = response.body as ProblemBody;
  expect(body).toMatchObject({ status, code, type: `/problems/${code}` });
  return body;
}

const POWER_HEADERS = ['编码', '名称', '类别', '法律依据', '主管部门', '持证执法人员数', '装备', '培训'];
type Cell = ExcelJS.CellValue;

/** The n-th generated power as a sheet row: penalties need two officers, inspections one. */
function powerRow(n: number): Cell[] {
  const code = `IMP-${String(n).padStart(4, '0')}`;
  return n % 2 === 0
    ? [
        code,
        `第${n}项 占道经营的处罚`,
        '行政处罚',
        '《城市市容和环境卫生管理条例》第三十六条',
        '综合执法局',
        2,
        '执法记录仪×2；执法车辆×1',
        '行政处罚法×16',
      ]
    : [code, `第${n}项 燃气安全检查`, '行政检查', '《城镇燃气管理条例》第四十一条', '住房和城乡建设局', 1, '执法记录仪×1', ''];
}

async function workbook(rows: readonly Cell[][], fill?: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('权力事项');
  sheet.addRow(POWER_HEADERS);
  for (const row of rows) sheet.addRow(row);
  fill?.(sheet);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A workbook download: its bytes, after checking it is one. */
async function download(
  client: AuthorizedClient,
  path: string,
): Promise<{ bytes: Buffer; sheet: ExcelJS.Worksheet; book: ExcelJS.Workbook }> {
  const { bytes, book } = await downloadWorkbook(client, path);
  const sheet = book.worksheets[0] as ExcelJS.Worksheet;
  // The header row stays in view and stands out.
  expect(sheet.getRow(1).font?.bold).toBe(true);
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  return { bytes, sheet, book };
}

const generated = (count: number, from = 1): Cell[][] => Array.from({ length: count }, (_, index) => powerRow(from + index));

describe('catalogue import and export as spreadsheets (e2e)', () => {
  let t: TestApp;
  let office: AuthorizedClient;
  let township: AuthorizedClient;
  let neighbour: AuthorizedClient;
  let townshipId: string;
  let fourHundred: Buffer;

  const logLength = async (): Promise<number> => Number((await t.dataSource.query('SELECT count(*)::int AS n FROM events'))[0].n);
  const catalogueSize = async (): Promise<number> => {
    const response = await office.get('/api/v1/powers');
    expectStatus(response, 200);
    return (response.body as unknown[]).length;
  };
  const importPowers = (bytes: Buffer, name = 'powers.xlsx', query = ''): Promise<Response> =>
    office.post(`/api/v1/powers/import${query}`).attach('file', bytes, name);

  /** A refused import writes nothing: the log and the catalogue stay as they were. */
  async function refusedWithoutWriting(send: () => Promise<Response>, status: number, code: string): Promise<ProblemBody> {
    const [log, size] = [await logLength(), await catalogueSize()];
    const body = expectProblem(await send(), status, code);
    expect(await logLength()).toBe(log);
    expect(await catalogueSize()).toBe(size);
    return body;
  }

  beforeAll(async () => {
    t = await startTestApp({ withWorker: false });
    const admin = await t.loginAs(TEST_ADMIN.username, TEST_ADMIN.password);
    const countyId = ((await admin.post('/api/v1/counties').send({ name: '导入县' })).body as { id: string }).id;
    const townships = await Promise.all(
      ['城关镇', '东山乡'].map(async (name) => {
        const created = await admin.post(`/api/v1/counties/${countyId}/townships`).send({ name });
        expectStatus(created, 201);
        return (created.body as { id: string }).id;
      }),
    );
    townshipId = townships[0] as string;
    for (const user of [
      { username: 'import.office', role: 'county_admin', countyId },
      { username: 'import.township', role: 'township', countyId, townshipId },
      { username: 'import.neighbour', role: 'township', countyId, townshipId: townships[1] },
    ])
      expectStatus(await admin.post('/api/v1/users').send({ password: 'import-password-1', ...user }), 201);
    office = await t.loginAs('import.office', 'import-password-1');
    township = await t.loginAs('import.township', 'import-password-1');
    neighbour = await t.loginAs('import.neighbour', 'import-password-1');
    fourHundred = await workbook(generated(400));
  });
  afterAll(() => t?.close());

  it('imports a 400-row workbook in one request, with every power and its requirements', async () => {
    const log = await logLength();
    const response = await importPowers(fourHundred);
    expectStatus(response, 200);
    expect(response.body).toEqual({ created: 400, updated: 0, unchanged: 0, errors: [] });
    expect(await logLength()).toBe(log + 400);
    expect(await catalogueSize()).toBe(400);
    const power = await office.get('/api/v1/powers/IMP-0002');
    expect(power.body).toMatchObject({
      code: 'IMP-0002',
      category: 'penalty',
      department: '综合执法局',
      requirements: {
        certifiedOfficers: 2,
        equipment: [
          { kind: 'body-camera', quantity: 2 },
          { kind: 'vehicle', quantity: 1 },
        ],
        training: [{ course: '行政处罚法', hours: 16 }],
      },
    });
  });

  it('reports the same file again as all unchanged and appends nothing', async () => {
    const log = await logLength();
    const response = await importPowers(fourHundred);
    expectStatus(response, 200);
    expect(response.body).toEqual({ created: 0, updated: 0, unchanged: 400, errors: [] });
    expect(await logLength()).toBe(log);
  });

  it('decides a dry run like the import and writes nothing; the import then writes just that', async () => {
    const rows = generated(400);
    rows[9] = [...(rows[9] as Cell[])];
    (rows[9] as Cell[])[5] = 3; // IMP-0010: a third officer
    rows.push(powerRow(401));
    const bytes = await workbook(rows);
    const log = await logLength();
    const dry = await importPowers(bytes, 'powers.xlsx', '?dryRun=true');
    expectStatus(dry, 200);
    expect(dry.body).toEqual({ created: 1, updated: 1, unchanged: 399, errors: [] });
    expect(await logLength()).toBe(log);
    expect(await catalogueSize()).toBe(400);

    const real = await importPowers(bytes);
    expect(real.body).toEqual({ created: 1, updated: 1, unchanged: 399, errors: [] });
    expect(await logLength()).toBe(log + 2);
    expect(
      ((await office.get('/api/v1/powers/IMP-0010')).body as { requirements: { certifiedOfficers: number } }).requirements
        .certifiedOfficers,
    ).toBe(3);
  });

  it('refuses a file with three bad rows, naming exactly those rows and fields, and writes none of its rows', async () => {
    const rows = generated(300, 1001);
    rows[3] = ['IMP-1004', '第1004项', '处罚', '《条例》', '综合执法局', 2, '', ''];
    rows[98] = ['IMP-1099', '第1099项', '行政处罚', '《条例》', '综合执法局', 1, '', ''];
    rows[248] = ['IMP-1249', '第1249项', '行政检查', '《条例》', '综合执法局', 1, '激光枪×1', ''];
    const body = await refusedWithoutWriting(async () => importPowers(await workbook(rows)), 400, 'validation-failed');
    expect(body.errors?.map((error) => [error.field, error.code])).toEqual([
      ['rows[5].category', 'not-one-of'],
      ['rows[100].certifiedOfficers', 'too-few-officers'],
      ['rows[250].equipment', 'unknown-equipment-kind'],
    ]);
  });

  it('names every row of a code repeated within the file', async () => {
    const rows = generated(5, 2001);
    rows[3] = powerRow(2001);
    const body = await refusedWithoutWriting(async () => importPowers(await workbook(rows)), 400, 'duplicate-codes');
    expect(body.errors?.map((error) => [error.field, error.code])).toEqual([
      ['rows[2].code', 'duplicate'],
      ['rows[5].code', 'duplicate'],
    ]);
  });

  it('refuses a GBK-encoded CSV and a wrong header with a clear 400, and reads a UTF-8 CSV with a BOM', async () => {
    // "编码,名称\r\n" in GBK bytes, then a row.
    const gbk = Buffer.concat([Buffer.from([0xb1, 0xe0, 0xc2, 0xeb, 0x2c, 0xc3, 0xfb, 0xb3, 0xc6]), Buffer.from('\r\nA,B\r\n')]);
    const notUtf8 = await refusedWithoutWriting(() => importPowers(gbk, 'powers.csv'), 400, 'spreadsheet-not-unicode');
    expect(notUtf8.errors).toEqual([expect.objectContaining({ field: 'file', code: 'bad-encoding' })]);

    const wrong = Buffer.from('编码,标题,类别,法律依据,主管部门,持证执法人员数\r\nA,B,行政检查,C,D,1\r\n');
    const header = await refusedWithoutWriting(() => importPowers(wrong, 'powers.csv'), 400, 'wrong-columns');
    expect(header.errors?.map((error) => [error.field, error.code])).toEqual([
      ['columns.B', 'unknown-column'],
      ['columns.name', 'missing-column'],
      ['columns.equipment', 'missing-column'],
      ['columns.training', 'missing-column'],
    ]);

    const csv = `\ufeff${POWER_HEADERS.join(',')}\r\nCSV-1,"燃气安全检查,入户",行政检查,《城镇燃气管理条例》,住房和城乡建设局,1,执法记录仪×1,\r\n`;
    const read = await importPowers(Buffer.from(csv, 'utf8'), 'powers.csv');
    expectStatus(read, 200);
    expect(read.body).toEqual({ created: 1, updated: 0, unchanged: 0, errors: [] });
    expect(((await office.get('/api/v1/powers/CSV-1')).body as { name: string }).name).toBe('燃气安全检查,入户');
  });

  it('refuses a PNG renamed .xlsx, an empty file and a sheet with only its header', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 1)]);
    await refusedWithoutWriting(() => importPowers(png, 'powers.xlsx'), 400, 'not-a-spreadsheet');
    await refusedWithoutWriting(() => importPowers(Buffer.alloc(0), 'powers.xlsx'), 400, 'empty-spreadsheet');
    await refusedWithoutWriting(async () => importPowers(await workbook([])), 400, 'empty-spreadsheet');
  });

  it('refuses formulas and merged cells, naming the cell', async () => {
    const formulas = generated(3, 3001);
    (formulas[1] as Cell[])[5] = { formula: '1+1', result: 2 };
    const formula = await refusedWithoutWriting(async () => importPowers(await workbook(formulas)), 400, 'spreadsheet-formulas');
    expect(formula.errors?.map((error) => [error.field, error.code])).toEqual([['rows[3].certifiedOfficers', 'formula']]);

    const merged = await refusedWithoutWriting(
      async () => importPowers(await workbook(generated(3, 3001), (sheet) => sheet.mergeCells('E2:E4'))),
      400,
      'merged-cells',
    );
    expect(merged.errors?.map((error) => [error.field, error.code])).toEqual([['rows[2].department', 'merged-cell']]);
  });

  it('replays an import sent again with its Idempotency-Key, and refuses that key with another file', async () => {
    const file = await workbook([powerRow(9001)]);
    const send = (bytes: Buffer): Promise<Response> =>
      office.post('/api/v1/powers/import').set('Idempotency-Key', 'import-9001').attach('file', bytes, 'powers.xlsx');
    const first = await send(file);
    expectStatus(first, 200);
    expect(first.body).toEqual({ created: 1, updated: 0, unchanged: 0, errors: [] });
    const log = await logLength();
    const again = await send(file);
    expectStatus(again, 200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    await refusedWithoutWriting(() => send(fourHundred), 422, 'idempotency-key-reused');
    expect(await logLength()).toBe(log);
  });

  it('refuses a file above 5 MB (50 MB too) with 413, and an upload without its file part', async () => {
    const tooLarge = await refusedWithoutWriting(
      () => importPowers(Buffer.alloc(6 * 1024 * 1024, 0x41), 'powers.csv'),
      413,
      'file-too-large',
    );
    expect(tooLarge.errors).toEqual([expect.objectContaining({ field: 'file', code: 'too-large' })]);
    const fifty = await office.post('/api/v1/powers/import').attach('file', Buffer.alloc(50 * 1024 * 1024, 0x41), 'powers.xlsx');
    expectProblem(fifty, 413, 'file-too-large');

    const other = await office.post('/api/v1/powers/import').attach('sheet', fourHundred, 'powers.xlsx');
    expectProblem(other, 400, 'malformed-upload');
    const none = await office.post('/api/v1/powers/import').field('note', 'no file');
    expect(expectProblem(none, 400, 'validation-failed').errors?.map((error) => error.field)).toEqual(['file']);
  });

  it('lets only the county office import, and takes forms on the import routes only', async () => {
    expectProblem(await township.post('/api/v1/powers/import').attach('file', fourHundred, 'powers.xlsx'), 403, 'forbidden');
    expectProblem(await office.post('/api/v1/powers').attach('file', fourHundred, 'powers.xlsx'), 415, 'unsupported-media-type');
    const text = office.post('/api/v1/powers/import').set('Content-Type', 'text/csv').send('编码,名称\nA,B\n');
    expectProblem(await text, 415, 'unsupported-media-type');
  });

  it('exports the catalogue as a workbook that imports back as all unchanged', async () => {
    const { bytes: exported, sheet } = await download(township, '/api/v1/powers/export.xlsx');
    expect(sheet.getRow(1).values).toEqual([undefined, ...POWER_HEADERS]);
    const size = await catalogueSize();
    expect(sheet.actualRowCount).toBe(size + 1);

    const log = await logLength();
    const again = await importPowers(exported, '权力事项目录.xlsx');
    expectStatus(again, 200);
    expect(again.body).toEqual({ created: 0, updated: 0, unchanged: size, errors: [] });
    expect(await logLength()).toBe(log);
  });
  describe('the duty catalogue', () => {
    const DUTY_HEADERS = ['编码', '名称', '领域', '默认类别', '说明', '法律依据', '牵头部门', '对应权力事项编码', '联系方式'];
    const CATEGORIES = ['基本履职', '配合履职', '上级部门收回'];
    const DOMAINS = ['综合执法', '民生服务', '平安法治', '生态环保'];
    const dutyRow = (n: number): Cell[] => [
      `DUTY-${String(n).padStart(4, '0')}`,
      `第${n}项 职责`,
      DOMAINS[n % DOMAINS.length],
      CATEGORIES[n % CATEGORIES.length],
      n % 5 === 0 ? '' : '负责辖区内的日常巡查',
      n % 3 === 0 ? '' : '《浙江省乡镇（街道）履职事项清单管理办法》',
      n % 3 === 1 ? '' : '综合执法局',
      n % 7 === 0 && n <= 400 ? `IMP-${String(n).padStart(4, '0')}` : '',
      '0571-88000000',
    ];
    let template: ExcelJS.Workbook;
    let dutyFile: Buffer;
    const importDuties = (bytes: Buffer, name = 'duties.xlsx', query = ''): Promise<Response> =>
      office.post(`/api/v1/duties/import${query}`).attach('file', bytes, name);
    const dutyCount = async (): Promise<number> => (await download(office, '/api/v1/duties/export.xlsx')).sheet.actualRowCount - 1;

    /** Rows written into the downloaded template, as a county office fills it. */
    async function filled(rows: readonly Cell[][]): Promise<Buffer> {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await download(office, '/api/v1/duties/import-template.xlsx')).bytes as unknown as ExcelJS.Buffer);
      const sheet = book.worksheets[0] as ExcelJS.Worksheet;
      for (const row of rows) sheet.addRow(row);
      return Buffer.from(await book.xlsx.writeBuffer());
    }

    beforeAll(async () => {
      template = (await download(office, '/api/v1/duties/import-template.xlsx')).book;
      dutyFile = await filled(Array.from({ length: 400 }, (_, index) => dutyRow(index + 1)));
    });

    it('offers a template with the Chinese headers the import reads, and notes on how to fill them', () => {
      const [sheet, notes] = template.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet];
      expect(sheet.getRow(1).values).toEqual([undefined, ...DUTY_HEADERS]);
      expect(sheet.actualRowCount).toBe(1);
      const text = notes.getSheetValues().flat().join('\n');
      for (const label of CATEGORIES) expect(text).toContain(label);
    });

    it('imports 400 rows of the filled template in one request; the same file again is all unchanged', async () => {
      const log = await logLength();
      const first = await importDuties(dutyFile);
      expectStatus(first, 200);
      expect(first.body).toEqual({ created: 400, updated: 0, unchanged: 0, errors: [] });
      expect(await logLength()).toBe(log + 400);
      expect(await dutyCount()).toBe(400);

      const again = await importDuties(dutyFile);
      expect(again.body).toEqual({ created: 0, updated: 0, unchanged: 400, errors: [] });
      expect(await logLength()).toBe(log + 400);
    });

    it('reads the default category from its label, leaves blank cells out and links the power', async () => {
      const { sheet } = await download(office, '/api/v1/duties/export.xlsx');
      expect((sheet.getRow(8).values as Cell[]).slice(1)).toEqual([
        'DUTY-0007',
        '第7项 职责',
        '生态环保',
        '配合履职',
        '负责辖区内的日常巡查',
        '《浙江省乡镇（街道）履职事项清单管理办法》',
        undefined,
        'IMP-0007',
        '0571-88000000',
      ]);
    });

    it('refuses three bad rows, naming each row and field, and writes nothing', async () => {
      const rows = Array.from({ length: 50 }, (_, index) => dutyRow(index + 1001));
      const change = (index: number, column: number, value: string): void => {
        const row = [...(rows[index] as Cell[])];
        row[column] = value;
        rows[index] = row;
      };
      change(4, 3, '兼办');
      change(20, 2, '外交');
      change(40, 7, 'NO-SUCH-POWER');
      const [log, count] = [await logLength(), await dutyCount()];
      const body = expectProblem(await importDuties(await filled(rows)), 400, 'validation-failed');
      expect(body.errors?.map((error) => error.field)).toEqual(['rows[6].defaultCategory', 'rows[22].domain', 'rows[42].powerCode']);
      expect(await logLength()).toBe(log);
      expect(await dutyCount()).toBe(count);
    });

    it('revises a changed row, and exports a catalogue that imports back as all unchanged', async () => {
      const rows = Array.from({ length: 400 }, (_, index) => dutyRow(index + 1));
      rows[0] = [...(rows[0] as Cell[])];
      (rows[0] as Cell[])[3] = '上级部门收回';
      const changed = await importDuties(await filled(rows));
      expect(changed.body).toEqual({ created: 0, updated: 1, unchanged: 399, errors: [] });

      const { bytes } = await download(office, '/api/v1/duties/export.xlsx');
      const log = await logLength();
      const again = await importDuties(bytes, '职责事项目录.xlsx');
      expect(again.body).toEqual({ created: 0, updated: 0, unchanged: 400, errors: [] });
      expect(await logLength()).toBe(log);
    });

    it('refuses duplicate codes, a wrong header, a GBK CSV, and any importer but the county office', async () => {
      const duplicates = expectProblem(await importDuties(await filled([dutyRow(1), dutyRow(2), dutyRow(1)])), 400, 'duplicate-codes');
      expect(duplicates.errors?.map((error) => error.field)).toEqual(['rows[2].code', 'rows[4].code']);
      const wrong = expectProblem(await importDuties(Buffer.from('编码,名称\nA,B\n'), 'duties.csv'), 400, 'wrong-columns');
      expect(wrong.errors?.map((error) => error.field)).toContain('columns.defaultCategory');
      const gbk = Buffer.from([0xb1, 0xe0, 0xc2, 0xeb, 0x2c, 0xc3, 0xfb, 0xb3, 0xc6, 0x0a]);
      expectProblem(await importDuties(gbk, 'duties.csv'), 400, 'spreadsheet-not-unicode');
      expectProblem(await township.post('/api/v1/duties/import').attach('file', dutyFile, 'duties.xlsx'), 403, 'forbidden');
    });
    it("exports a township's working list, grouped by category, to the township itself and the county only", async () => {
      expectStatus(await office.post(`/api/v1/townships/${townshipId}/duty-list/compile`), 200);
      const list = (await township.get(`/api/v1/townships/${townshipId}/duty-list`)).body as {
        counts: { basic: number; assisting: number; returned: number };
      };
      const { sheet, book } = await download(township, `/api/v1/townships/${townshipId}/duty-list/export.xlsx`);
      expect(sheet.getRow(1).values).toEqual([undefined, '类别', '编码', '名称', '领域', '配合内容', '牵头部门', '联系方式', '来源']);
      const categories = sheet.getColumn(1).values.slice(2) as string[];
      expect(categories).toHaveLength(list.counts.basic + list.counts.assisting + list.counts.returned);
      expect(categories.filter((label) => label === '配合履职')).toHaveLength(list.counts.assisting);
      // Basic items first, then assisting, then returned.
      const order = categories.map((label) => CATEGORIES.indexOf(label));
      expect(order).toEqual([...order].sort((a, b) => a - b));
      expect((book.worksheets[1] as ExcelJS.Worksheet).getCell('A1').value).toBe('乡镇（街道）：城关镇');

      expectStatus(await office.get(`/api/v1/townships/${townshipId}/duty-list/export.xlsx`), 200);
      expectProblem(await neighbour.get(`/api/v1/townships/${townshipId}/duty-list/export.xlsx`), 403, 'forbidden');
    });
  });
});

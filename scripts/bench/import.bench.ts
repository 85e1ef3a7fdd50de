import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { findFreePort, waitFor } from '../../libs/platform/src/net';
import { machineBaseline } from './bench-baseline';
import { BENCH_ADMIN, benchApiEnvironment, migrateBenchDatabase, startBenchServices, stopProcess } from './bench-services';

/**
 * Spreadsheet imports through the API, one request each: a 400-row workbook of new powers (400
 * registrations in one transaction), the same workbook again (400 rows decided, nothing written), and
 * the same for the duty catalogue. The API runs from the build on PostgreSQL; each figure is the
 * wall time of the request as the client sees it, median and range over BENCH_IMPORT_RUNS runs.
 */
const ROOT = resolve(__dirname, '../..');
const ROWS = 400;
const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 5);

async function api(
  baseUrl: string,
  method: string,
  path: string,
  token: string | undefined,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`);
  return JSON.parse(text) as Record<string, unknown>;
}

async function workbook(headers: string[], rows: Array<Array<string | number>>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('导入');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const powers = (prefix: string): Promise<Buffer> =>
  workbook(
    ['编码', '名称', '类别', '法律依据', '主管部门', '持证执法人员数', '装备', '培训'],
    Array.from({ length: ROWS }, (_, index) => [
      `${prefix}-${index + 1}`,
      `对占道经营的行政处罚（第${index + 1}项）`,
      '行政处罚',
      '《城市市容和环境卫生管理条例》第三十六条',
      '综合执法局',
      2,
      '执法记录仪×2；执法车辆×1',
      '行政处罚法×16',
    ]),
  );

const duties = (prefix: string): Promise<Buffer> =>
  workbook(
    ['编码', '名称', '领域', '默认类别', '说明', '法律依据', '牵头部门', '对应权力事项编码', '联系方式'],
    Array.from({ length: ROWS }, (_, index) => [
      `${prefix}-${index + 1}`,
      `辖区内日常巡查（第${index + 1}项）`,
      '综合执法',
      '配合履职',
      '发现问题及时上报并配合处置',
      '《浙江省乡镇（街道）履职事项清单管理办法》',
      '综合执法局',
      '',
      '0571-88000000',
    ]),
  );

/** Wall time of one import request (ms), checked against the report it must give. */
async function timedImport(baseUrl: string, path: string, token: string, bytes: Buffer, expected: Record<string, number>): Promise<number> {
  const form = new FormData();
  form.append('file', new Blob([bytes]), 'import.xlsx');
  const started = process.hrtime.bigint();
  const response = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const text = await response.text();
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (!response.ok) throw new Error(`POST ${path} → ${response.status} ${text}`);
  const report = JSON.parse(text) as Record<string, number>;
  for (const [key, value] of Object.entries(expected))
    if (report[key] !== value) throw new Error(`POST ${path}: expected ${key} ${value}, got ${text}`);
  return elapsed;
}

function summary(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return `${median.toFixed(0)} | ${(sorted[0] ?? 0).toFixed(0)}–${(sorted[sorted.length - 1] ?? 0).toFixed(0)}`;
}

export async function main(): Promise<void> {
  const services = await startBenchServices();
  let server: ChildProcess | undefined;
  try {
    const port = await findFreePort();
    const env = benchApiEnvironment(services, port, 'fq-bench-import');
    migrateBenchDatabase(env);
    server = spawn(process.execPath, [join(ROOT, 'dist/apps/api/src/main.js')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitFor('the API', async () => (await fetch(`${baseUrl}/health/ready`)).ok, 60_000, 200);

    const admin = (await api(baseUrl, 'POST', '/api/v1/auth/login', undefined, BENCH_ADMIN)).accessToken as string;
    const county = await api(baseUrl, 'POST', '/api/v1/counties', admin, { name: '导入基准县' });
    await api(baseUrl, 'POST', '/api/v1/users', admin, {
      username: 'bench-import',
      password: 'bench-password',
      role: 'county_admin',
      countyId: county.id,
    });
    const token = (await api(baseUrl, 'POST', '/api/v1/auth/login', undefined, { username: 'bench-import', password: 'bench-password' }))
      .accessToken as string;

    // Warm-up, not measured: the import's code paths compiled.
    await timedImport(baseUrl, '/api/v1/powers/import', token, await powers('WARM'), { created: ROWS });
    const baseline = await machineBaseline(services.databaseUrl);
    const rows: Array<[string, number[]]> = [];
    for (const [path, make] of [
      ['/api/v1/powers/import', powers],
      ['/api/v1/duties/import', duties],
    ] as const) {
      const created: number[] = [];
      const unchanged: number[] = [];
      for (let run = 1; run <= RUNS; run += 1) {
        const file = await make(`R${run}`);
        created.push(await timedImport(baseUrl, path, token, file, { created: ROWS, updated: 0, unchanged: 0 }));
        unchanged.push(await timedImport(baseUrl, path, token, file, { created: 0, updated: 0, unchanged: ROWS }));
      }
      rows.push([`POST ${path}, ${ROWS} new rows`, created], [`POST ${path}, the same ${ROWS} rows again (all unchanged)`, unchanged]);
    }

    console.log(`\n## Spreadsheet import (${ROWS}-row .xlsx, one request each, ${RUNS} runs, one API process, ${services.description})\n`);
    console.log(`Machine baseline before measuring (${baseline}); the figures move with it.\n`);
    console.log('| request | median ms | range ms |');
    console.log('| --- | ---: | ---: |');
    for (const [name, times] of rows) console.log(`| ${name} | ${summary(times)} |`);
  } finally {
    await stopProcess(server);
    await services.stop();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

/**
 * The public duty list (公示) under load: GET /api/v1/public/townships/:id/duty-list of a published
 * 340-item list (117 basic, 99 assisting, 124 returned, the national average), without a token, from
 * 16 connections, gzipped as phones ask for it; then the same with If-None-Match (304). Beside it, in the
 * same run, GET /health/live (the framework's cheapest answer) and the machine baseline. Target:
 * ≥ 2,000 req/s, p99 < 50 ms. The API runs from the build, on PostgreSQL, one process, with a rate
 * limit high enough not to count (the load comes from one address).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { findFreePort, waitFor } from '../../libs/platform/src/net';
import { machineBaseline } from './bench-baseline';
import { cpuPerOperation, sampleCpu } from './bench-cpu';
import { BENCH_ADMIN, benchApiEnvironment, migrateBenchDatabase, startBenchServices, stopProcess } from './bench-services';
import { api, autocannon, type AutocannonResult } from './http.bench';

const ROOT = resolve(__dirname, '../..');
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const DOMAINS = ['党的建设', '经济发展', '民生服务', '平安法治', '生态环保', '综合执法', '应急管理', '其他'];
const DEPARTMENTS = ['县农业农村局', '县市场监督管理局', '县生态环境分局', '县应急管理局', '县住房和城乡建设局', '县民政局'];
const SPLIT = { basic: 117, assisting: 99, returned: 124 } as const;

/** The i-th duty of a 340-item catalogue: category by the national split, realistic text lengths. */
function dutyOf(index: number): Record<string, string> {
  const category = index < SPLIT.basic ? 'basic' : index < SPLIT.basic + SPLIT.assisting ? 'assisting' : 'returned';
  const domain = DOMAINS[index % DOMAINS.length] ?? '其他';
  const department = DEPARTMENTS[index % DEPARTMENTS.length] ?? '县政府办公室';
  return {
    code: `GS-${String(index + 1).padStart(4, '0')}`,
    name: `${domain}领域第${index + 1}项：对辖区内相关经营主体的日常巡查、登记和情况报告`,
    domain,
    defaultCategory: category,
    leadDepartment: department,
    legalBasis: '《地方各级人民代表大会和地方各级人民政府组织法》第七十六条',
    description: '发现问题当场劝导并拍照登记，2个工作日内将线索移交牵头部门；不承担审批和处罚',
    contact: `0874-31${String(index).padStart(5, '0')}（${department}）`,
  };
}

export async function main(): Promise<void> {
  const services = await startBenchServices();
  let server: ChildProcess | undefined;
  try {
    const port = await findFreePort();
    const env = benchApiEnvironment(services, port, 'fq-bench-public', { PUBLIC_RATE_LIMIT: '100000000' });
    migrateBenchDatabase(env);
    server = spawn(process.execPath, [join(ROOT, 'dist/apps/api/src/main.js'), '--with-worker'], {
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitFor('the API', async () => (await fetch(`${baseUrl}/health/ready`)).ok, 60_000, 200);

    const admin = (await api(baseUrl, 'POST', '/api/v1/auth/login', undefined, BENCH_ADMIN)).accessToken as string;
    const county = await api(baseUrl, 'POST', '/api/v1/counties', admin, { name: '基准县' });
    const township = await api(baseUrl, 'POST', `/api/v1/counties/${county.id as string}/townships`, admin, { name: '基准镇' });
    const user = { username: 'bench-county', password: 'bench-password' };
    await api(baseUrl, 'POST', '/api/v1/users', admin, { ...user, role: 'county_admin', countyId: county.id });
    const office = (await api(baseUrl, 'POST', '/api/v1/auth/login', undefined, user)).accessToken as string;
    const total = SPLIT.basic + SPLIT.assisting + SPLIT.returned;
    for (let index = 0; index < total; index += 1) await api(baseUrl, 'POST', '/api/v1/duties', office, dutyOf(index));
    const list = `/api/v1/townships/${township.id as string}/duty-list`;
    await api(baseUrl, 'POST', `${list}/compile`, office);
    await api(baseUrl, 'POST', `${list}/publications`, office, { decisionRef: '基政办〔2026〕1号' });

    const url = `${baseUrl}/api/v1/public/townships/${township.id as string}/duty-list`;
    const published = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
    const body = (await published.clone().json()) as { items: unknown[] };
    if (!published.ok || body.items.length !== total) throw new Error(`the public list has ${body.items.length} items, not ${total}`);
    const etag = published.headers.get('etag') ?? '';
    const plainBytes = Buffer.byteLength(JSON.stringify(body));

    const processes = { api: server.pid };
    const measure = (run: () => AutocannonResult): { result: AutocannonResult; cpu: string } => {
      const before = sampleCpu(processes);
      const result = run();
      return { result, cpu: cpuPerOperation(before, sampleCpu(processes), result.requests.total) };
    };
    const gzip = ['accept-encoding=gzip'];
    // Warm-up, not measured.
    autocannon(url, { method: 'GET', headers: gzip, seconds: 3 });
    const baseline = await machineBaseline(services.databaseUrl);
    const live = measure(() => autocannon(`${baseUrl}/health/live`, { method: 'GET' }));
    const full = measure(() => autocannon(url, { method: 'GET', headers: gzip }));
    const plain = measure(() => autocannon(url, { method: 'GET' }));
    const notModified = measure(() => autocannon(url, { method: 'GET', headers: [...gzip, `if-none-match=${etag}`] }));

    const row = (name: string, r: AutocannonResult): string =>
      `| ${name} | ${r.requests.average.toFixed(0)} | ${r.latency.p50} | ${r.latency.p99} | ${r.requests.total} | ${r.non2xx + r.errors} |`;
    console.log(`\n## Public duty list, ${total} items (16 connections, ${SECONDS} s each, one API process, ${services.description})\n`);
    console.log(`Machine baseline before measuring (${baseline}); the figures move with it.`);
    console.log(`Body: ${plainBytes} bytes of JSON, ${published.headers.get('content-length') ?? '?'} bytes gzipped.\n`);
    console.log('| request | req/s | p50 ms | p99 ms | total | non-2xx/errors |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
    console.log(row('GET /health/live (baseline of this run)', live.result));
    console.log(row('GET /api/v1/public/townships/:id/duty-list (gzip)', full.result));
    console.log(row('GET /api/v1/public/townships/:id/duty-list (no gzip)', plain.result));
    console.log(`${row('same, If-None-Match (304)', notModified.result)} (304s count as non-2xx)`);
    console.log(`\nAPI CPU ms per request: live ${live.cpu}; list gzip ${full.cpu}; list plain ${plain.cpu}; 304 ${notModified.cpu}`);
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

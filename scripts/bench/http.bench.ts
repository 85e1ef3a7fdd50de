import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@fangquan/platform';
import { applicationSchema } from '@fangquan/read-models';
import { findFreePort, waitFor } from '../../libs/platform/src/net';
import { cpuPerOperation, sampleCpu } from './bench-cpu';
import { machineBaseline } from './bench-baseline';
import { describeHistory, historyRuns, preloadHistory, waitForSubscriptions } from './bench-history';
import {
  analyzeDatabase,
  BENCH_ADMIN,
  benchApiEnvironment,
  migrateBenchDatabase,
  startBenchServices,
  topStatements,
} from './bench-services';

/**
 * HTTP throughput of the API, measured with autocannon from a second process on loopback with 16
 * connections: recording handovers (POST /handovers) and reading one (GET /handovers/:id).
 * The API runs from the build (`npm run build`) as in production, on PostgreSQL: on an empty database,
 * then on one holding BENCH_HISTORY handovers of history (default 100,000; see bench-history.ts).
 */
const ROOT = resolve(__dirname, '../..');
const CONNECTIONS = 16;
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 10);

export interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
}

/** One JSON request on a fresh connection (no keep-alive socket that the server may have closed meanwhile). */
export function api(
  baseUrl: string,
  method: string,
  path: string,
  token: string | undefined,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolvePromise, reject) => {
    const req = httpRequest(
      `${baseUrl}${path}`,
      {
        method,
        agent: false,
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(payload ? { 'content-length': Buffer.byteLength(payload) } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const json = JSON.parse(text) as Record<string, unknown>;
          if ((res.statusCode ?? 500) >= 400) reject(new Error(`${method} ${path} → ${res.statusCode} ${text}`));
          else resolvePromise(json);
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** autocannon from a second process; `token` absent for the token-free endpoints, `headers` as `name=value`. */
export function autocannon(
  url: string,
  options: { method: string; token?: string; body?: string; seconds?: number; headers?: readonly string[] },
): AutocannonResult {
  const args = [
    join(ROOT, 'node_modules/autocannon/autocannon.js'),
    '-c',
    String(CONNECTIONS),
    '-d',
    String(options.seconds ?? SECONDS),
    '-j',
    '-m',
    options.method,
    '-H',
    'content-type=application/json',
  ];
  for (const header of [...(options.token ? [`authorization=Bearer ${options.token}`] : []), ...(options.headers ?? [])])
    args.push('-H', header);
  if (options.body) args.push('-b', options.body);
  args.push(url);
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`autocannon failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as AutocannonResult;
}

export async function main(): Promise<void> {
  for (const history of historyRuns()) await run(history);
}

async function run(history: number): Promise<void> {
  const services = await startBenchServices();
  let server: ChildProcess | undefined;
  let worker: ChildProcess | undefined;
  const dataSource = new DataSource(dataSourceOptions({ kind: 'postgres', url: services.databaseUrl, poolSize: 4 }, applicationSchema));
  try {
    const port = await findFreePort();
    const env = benchApiEnvironment(services, port, 'fq-bench');
    migrateBenchDatabase(env);
    await dataSource.initialize();
    await preloadHistory(dataSource, history);
    const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE_DIR] : [];
    // Production topology: one API process (HTTP, projection) and one worker process (reminders).
    server = spawn(process.execPath, [...profile, join(ROOT, 'dist/apps/api/src/main.js')], {
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    worker = spawn(process.execPath, [join(ROOT, 'dist/apps/worker/src/main.js')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitFor('the API', async () => (await fetch(`${baseUrl}/health/ready`)).ok, 60_000, 200);
    if (history > 0) await waitForSubscriptions(dataSource, 30 * 60_000); // the worker builds the history's reminder chains

    const admin = (await api(baseUrl, 'POST', '/api/v1/auth/login', undefined, BENCH_ADMIN)).accessToken as string;
    const county = await api(baseUrl, 'POST', '/api/v1/counties', admin, { name: '基准县' });
    const township = await api(baseUrl, 'POST', `/api/v1/counties/${county.id as string}/townships`, admin, { name: '基准镇' });
    await api(baseUrl, 'POST', '/api/v1/users', admin, {
      username: 'bench-county',
      password: 'bench-password',
      role: 'county_admin',
      countyId: county.id,
    });
    const countyAdmin = (
      await api(baseUrl, 'POST', '/api/v1/auth/login', undefined, { username: 'bench-county', password: 'bench-password' })
    ).accessToken as string;
    await api(baseUrl, 'POST', '/api/v1/powers', countyAdmin, {
      code: '330217256000',
      name: '对未按规定公示食品经营许可证的行政处罚',
      category: 'penalty',
      legalBasis: '《中华人民共和国食品安全法》第一百二十六条',
      department: '市场监管局',
      requirements: {
        certifiedOfficers: 2,
        equipment: [{ kind: 'body-camera', quantity: 2 }],
        training: [{ course: '食品安全执法', hours: 16 }],
      },
    });
    // A second township whose team has what the power requires: recording there starts no reminders,
    // so its row measures the ledger alone; the first team lacks everything, so each handover it gets
    // also starts a reminder chain (process manager, delivery, ReminderSent) in the worker.
    const equipped = await api(baseUrl, 'POST', `/api/v1/counties/${county.id as string}/townships`, admin, { name: '基准街道' });
    const equippedTeam = `/api/v1/teams/${equipped.teamId as string}`;
    const officerIds: string[] = [];
    for (const [index, name] of ['李明', '张华'].entries()) {
      const officer = await api(baseUrl, 'POST', `${equippedTeam}/officers`, countyAdmin, {
        name,
        certificateNumber: `5303002023000${index + 1}`,
        certificateExpiresOn: '2099-12-31',
      });
      officerIds.push(officer.officerId as string);
    }
    await api(baseUrl, 'POST', `${equippedTeam}/equipment`, countyAdmin, { kind: 'body-camera', quantity: 2 });
    for (const officerId of officerIds)
      await api(baseUrl, 'POST', `${equippedTeam}/training`, countyAdmin, {
        officerId,
        course: '食品安全执法',
        hours: 16,
        completedOn: '2026-01-15',
      });
    const handoverTo = (teamId: unknown): string =>
      JSON.stringify({ powerCode: '330217256000', teamId, mode: 'transfer', instrument: '基府发〔2026〕1号', effectiveOn: '2027-01-01' });

    const processes = { api: server.pid, worker: worker.pid };
    const measure = async (run: () => AutocannonResult): Promise<{ result: AutocannonResult; cpu: string; statements: string }> => {
      const before = sampleCpu(processes);
      const result = run();
      const cpu = cpuPerOperation(before, sampleCpu(processes), result.requests.total);
      return { result, cpu, statements: await topStatements(services.databaseUrl) };
    };
    // Warm-up, not measured: the API's code paths compiled, its pools filled.
    autocannon(`${baseUrl}/api/v1/handovers`, { method: 'POST', token: countyAdmin, body: handoverTo(equipped.teamId), seconds: 3 });
    await analyzeDatabase(services.databaseUrl);
    const baseline = await machineBaseline(services.databaseUrl);
    const ready = await measure(() =>
      autocannon(`${baseUrl}/api/v1/handovers`, { method: 'POST', token: countyAdmin, body: handoverTo(equipped.teamId) }),
    );
    const lacking = await measure(() =>
      autocannon(`${baseUrl}/api/v1/handovers`, { method: 'POST', token: countyAdmin, body: handoverTo(township.teamId) }),
    );
    const one = await api(baseUrl, 'POST', '/api/v1/handovers', countyAdmin, JSON.parse(handoverTo(township.teamId)));
    const read = await measure(() => autocannon(`${baseUrl}/api/v1/handovers/${one.id as string}`, { method: 'GET', token: countyAdmin }));

    const row = (name: string, r: AutocannonResult): string =>
      `| ${name} | ${r.requests.average.toFixed(0)} | ${r.latency.p50} | ${r.latency.p99} | ${r.requests.total} | ${r.non2xx + r.errors} |`;
    console.log(
      `\n## HTTP ${describeHistory(history)} (${CONNECTIONS} connections, ${SECONDS} s each, one API process and one worker process, ${services.description})\n`,
    );
    console.log(`Machine baseline before measuring (${baseline}); the figures move with it.\n`);
    console.log('| request | req/s | p50 ms | p99 ms | total | non-2xx/errors |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
    console.log(row('POST /api/v1/handovers (record; team ready)', ready.result));
    console.log(row('POST /api/v1/handovers (record; team lacking: a reminder chain each)', lacking.result));
    console.log(row('GET /api/v1/handovers/:id', read.result));
    console.log(`\nCPU ms per request (autocannon's own share is the rest of the machine's):`);
    console.log(`- record, team ready: ${ready.cpu}\n- record, team lacking: ${lacking.cpu}\n- read: ${read.cpu}`);
    for (const [name, phase] of [
      ['record, team ready', ready],
      ['record, team lacking', lacking],
    ] as const) {
      if (phase.statements !== '') console.log(`\nStatements while recording (${name}; pg_stat_statements):\n${phase.statements}`);
    }
  } finally {
    for (const child of [server, worker]) {
      if (!child || child.exitCode !== null) continue;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    if (dataSource.isInitialized) await dataSource.destroy();
    await services.stop();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

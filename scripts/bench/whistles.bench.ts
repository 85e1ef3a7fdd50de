/**
 * Whistles (吹哨报到) benchmark, on the production topology from the build (one API process, one worker
 * process) with a calendar where every day is a working day (WORK_HOURS 00:00-24:00: working time is
 * plain time) and an accept limit of seconds:
 *
 * 1. Supervision lag: BENCH_WHISTLE_DEADLINES whistles (default 1,000) raised over HTTP by the townships'
 *    heads about an `assisting` item of their lists, from 16 clients, as fast as the API takes them, so
 *    that their accept deadlines (`deadlines.acceptBy`) all pass within the same minute; none is accepted.
 *    For each, the lag from its deadline to the first `supervision` item about it in the county office's
 *    inbox (p50 / p99 / max; target: p99 < 5 s), and whether every whistle got exactly one first-round
 *    reminder (one `reminders` row, one inbox item for the office and for each of the department's heads).
 * 2. Raising: POST /api/v1/whistles from autocannon, 16 connections, BENCH_HTTP_SECONDS (default 10)
 *    after a 3 s warm-up: whistles/s and latency. Its whistles' deadlines pass after it, not during it
 *    (the accept limit is at least the run's length plus 20 s).
 *
 * The lag runs first, on a quiet pipeline: the raising's whistles would otherwise come due during it.
 * Each part prints the machine baseline measured just before it.
 *
 *   npm run build && node -r @swc-node/register scripts/bench/whistles.bench.ts      (or npm run bench)
 *
 * Uses DATABASE_URL / REDIS_URL when set, else a throwaway PostgreSQL cluster and redis-server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@fangquan/platform';
import { applicationSchema } from '@fangquan/read-models';
import { findFreePort, waitFor } from '../../libs/platform/src/net';
import { machineBaseline } from './bench-baseline';
import { cpuPerOperation, sampleCpu } from './bench-cpu';
import { analyzeDatabase, BENCH_ADMIN, benchApiEnvironment, migrateBenchDatabase, startBenchServices } from './bench-services';
import { api, autocannon, type AutocannonResult } from './http.bench';
import { databaseNow } from './reminders.bench';

const ROOT = resolve(__dirname, '../..');
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const DEADLINES = Number(process.env.BENCH_WHISTLE_DEADLINES ?? 1000);
/** Long enough for the raising of part 1 to end before the first deadline passes, and for part 2 to end before its first. */
const ACCEPT_WITHIN_SECONDS = Math.max(Number(process.env.BENCH_WHISTLE_ACCEPT_SECONDS ?? 30), SECONDS + 20);
const CLIENTS = 16;
const TOWNSHIPS = 4;
const DEPARTMENT_HEADS = 2;
const LEAD = '县水利局';
const DUTY = 'SL-003';
const PASSWORD = 'bench-password';

interface Township {
  readonly id: string;
  readonly headToken: string;
}

interface World {
  readonly townships: readonly Township[];
  /** The county office's user: the lag is read from its inbox. */
  readonly officeUserId: string;
  /** The lead department's head users: reminded too. */
  readonly headUserIds: readonly string[];
}

interface Lag {
  readonly whistles: number;
  readonly reminded: number;
  /** Whistles with exactly one supervision reminder, of the first round, and one inbox item for each recipient. */
  readonly exactlyOnce: number;
  readonly inboxItems: number;
  readonly recipients: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  /** From the first deadline to the last. */
  readonly deadlineSpreadSeconds: number;
  readonly raisedPerSecond: number;
}

const raiseBody = (townshipId: string, index: number): Record<string, string> => ({
  townshipId,
  title: `河道夜间非法采砂（${index + 1}）`,
  description: '近一周每晚有船只在村段河道采砂，乡镇无执法权',
  dutyCode: DUTY,
  location: '某村河段',
});

async function seed(baseUrl: string, dataSource: DataSource): Promise<World> {
  const admin = (await api(baseUrl, 'POST', '/api/v1/auth/login', undefined, BENCH_ADMIN)).accessToken as string;
  const county = await api(baseUrl, 'POST', '/api/v1/counties', admin, { name: '基准县' });
  const countyId = county.id as string;
  const user = async (body: Record<string, unknown>): Promise<string> => {
    await api(baseUrl, 'POST', '/api/v1/users', admin, { password: PASSWORD, countyId, ...body });
    return (await api(baseUrl, 'POST', '/api/v1/auth/login', undefined, { username: body.username, password: PASSWORD }))
      .accessToken as string;
  };
  const office = await user({ username: 'bench-office', role: 'county_admin', head: true });
  for (let index = 0; index < DEPARTMENT_HEADS; index += 1)
    await api(baseUrl, 'POST', '/api/v1/users', admin, {
      username: `bench-water-head-${index + 1}`,
      password: PASSWORD,
      role: 'department',
      countyId,
      department: LEAD,
      head: true,
    });
  await api(baseUrl, 'POST', '/api/v1/users', admin, {
    username: 'bench-water-clerk',
    password: PASSWORD,
    role: 'department',
    countyId,
    department: LEAD,
  });
  await api(baseUrl, 'POST', '/api/v1/duties', office, {
    code: DUTY,
    name: '河道采砂监管',
    domain: '生态环保',
    defaultCategory: 'assisting',
    leadDepartment: LEAD,
  });
  const townships: Township[] = [];
  for (let index = 0; index < TOWNSHIPS; index += 1) {
    const township = await api(baseUrl, 'POST', `/api/v1/counties/${countyId}/townships`, admin, { name: `基准镇${index + 1}` });
    const id = township.id as string;
    await api(baseUrl, 'PUT', `/api/v1/townships/${id}/duty-list/items/${DUTY}`, office, {
      category: 'assisting',
      cooperation: '巡查发现、及时报告',
      leadDepartment: LEAD,
    });
    townships.push({ id, headToken: await user({ username: `bench-head-${index + 1}`, role: 'township', townshipId: id, head: true }) });
  }
  const ids = (await dataSource.query(
    `SELECT id, role FROM users WHERE county_id = $1 AND head AND (role = 'county_admin' OR (role = 'department' AND department = $2))`,
    [countyId, LEAD],
  )) as { id: string; role: string }[];
  const officeUserId = ids.find((row) => row.role === 'county_admin')?.id;
  if (officeUserId === undefined) throw new Error('no county office user');
  return { townships, officeUserId, headUserIds: ids.filter((row) => row.role === 'department').map((row) => row.id) };
}

/** Raises `count` whistles from 16 clients, round robin over the townships; their ids and accept deadlines. */
async function raiseWhistles(
  baseUrl: string,
  world: World,
  count: number,
): Promise<{ ids: string[]; acceptBy: string[]; seconds: number }> {
  const ids: string[] = [];
  const acceptBy: string[] = [];
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      for (;;) {
        const index = next++;
        if (index >= count) return;
        const township = world.townships[index % world.townships.length];
        if (!township) throw new Error('no township');
        const whistle = await api(baseUrl, 'POST', '/api/v1/whistles', township.headToken, raiseBody(township.id, index));
        const deadline = (whistle.deadlines as { acceptBy: string | null }).acceptBy;
        if (whistle.status !== 'dispatched' || deadline === null)
          throw new Error(`whistle ${String(whistle.id)} is ${String(whistle.status)}, not dispatched with an accept deadline`);
        ids.push(whistle.id as string);
        acceptBy.push(deadline);
      }
    }),
  );
  return { ids, acceptBy, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/**
 * Waits until the county office has a supervision item for every whistle (polled through the inbox's
 * (recipient, created_at) index), lets a few seconds pass for a second reminder to show, then reads each
 * whistle's first item against its deadline.
 */
async function measureLag(
  dataSource: DataSource,
  world: World,
  since: Date,
  raised: { ids: string[]; acceptBy: string[]; seconds: number },
  timeoutMs: number,
): Promise<Lag> {
  const count = raised.ids.length;
  await waitFor(
    `${count} supervision reminders in the county office's inbox`,
    async () => {
      const [row] = (await dataSource.query(
        `SELECT count(*)::int AS n FROM inbox WHERE recipient_user_id = $1 AND created_at >= $2 AND kind = 'supervision'`,
        [world.officeUserId, since],
      )) as { n: number }[];
      return (row?.n ?? 0) >= count;
    },
    timeoutMs,
    200,
  );
  await new Promise((done) => setTimeout(done, 3000));
  const recipients = [world.officeUserId, ...world.headUserIds];
  const [figures] = (await dataSource.query(
    `WITH w AS (SELECT * FROM unnest($1::text[], $2::timestamptz[]) AS w(id, accept_by)),
     per AS (
       SELECT w.id, w.accept_by,
              (SELECT min(i.created_at) FROM inbox i
                WHERE i.subject_id = w.id AND i.kind = 'supervision' AND i.recipient_user_id = $3) AS first_at,
              (SELECT count(*) FROM reminders r WHERE r.subject_id = w.id AND r.kind = 'supervision') AS reminders,
              (SELECT count(*) FROM reminders r WHERE r.subject_id = w.id AND r.kind = 'supervision' AND r.step = 0) AS first_round,
              (SELECT count(*) FROM inbox i WHERE i.subject_id = w.id AND i.kind = 'supervision' AND i.recipient_user_id = ANY($4::uuid[])) AS items
       FROM w)
     SELECT count(first_at)::int AS reminded,
            count(*) FILTER (WHERE reminders = 1 AND first_round = 1 AND items = $5)::int AS exactly_once,
            sum(items)::int AS inbox_items,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_at - accept_by) * 1000)::float8 AS p50,
            percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM first_at - accept_by) * 1000)::float8 AS p99,
            max(extract(epoch FROM first_at - accept_by) * 1000)::float8 AS max,
            extract(epoch FROM max(accept_by) - min(accept_by))::float8 AS spread
     FROM per`,
    [raised.ids, raised.acceptBy, world.officeUserId, recipients, recipients.length],
  )) as { reminded: number; exactly_once: number; inbox_items: number; p50: number; p99: number; max: number; spread: number }[];
  if (!figures) throw new Error('no figures');
  return {
    whistles: count,
    reminded: figures.reminded,
    exactlyOnce: figures.exactly_once,
    inboxItems: figures.inbox_items,
    recipients: recipients.length,
    p50: figures.p50,
    p99: figures.p99,
    max: figures.max,
    deadlineSpreadSeconds: figures.spread,
    raisedPerSecond: count / raised.seconds,
  };
}

export async function main(): Promise<void> {
  const services = await startBenchServices();
  let server: ChildProcess | undefined;
  let worker: ChildProcess | undefined;
  const dataSource = new DataSource(dataSourceOptions({ kind: 'postgres', url: services.databaseUrl, poolSize: 4 }, applicationSchema));
  try {
    const port = await findFreePort();
    const env = benchApiEnvironment(services, port, 'fq-bench-whistles', {
      WORK_CALENDAR: join(ROOT, 'test/support/every-day-working.calendar.json'),
      WORK_HOURS: '00:00-24:00',
      WHISTLE_ACCEPT_WITHIN: `${ACCEPT_WITHIN_SECONDS}s`,
      // No second round of supervision while the bench runs: the first is what it measures.
      REMINDER_REPEAT: '1h',
    });
    migrateBenchDatabase(env);
    await dataSource.initialize();
    // Production topology: one API process (HTTP, projection) and one worker process (reminders, supervision).
    server = spawn(process.execPath, [join(ROOT, 'dist/apps/api/src/main.js')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    worker = spawn(process.execPath, [join(ROOT, 'dist/apps/worker/src/main.js')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitFor('the API', async () => (await fetch(`${baseUrl}/health/ready`)).ok, 60_000, 200);
    const world = await seed(baseUrl, dataSource);
    await analyzeDatabase(services.databaseUrl);
    const processes = { api: server.pid, worker: worker.pid };

    // 1. Deadlines passing together, none accepted.
    const lagBaseline = await machineBaseline(services.databaseUrl);
    const since = await databaseNow(dataSource);
    const raised = await raiseWhistles(baseUrl, world, DEADLINES);
    const beforeSupervision = sampleCpu(processes);
    const lastDeadline = Math.max(...raised.acceptBy.map((at) => Date.parse(at)));
    const lag = await measureLag(dataSource, world, since, raised, lastDeadline - Date.now() + 120_000);
    const supervisionCpu = cpuPerOperation(beforeSupervision, sampleCpu(processes), lag.reminded, 'whistle reminded');

    // 2. Raising over HTTP.
    const township = world.townships[0];
    if (!township) throw new Error('no township');
    const url = `${baseUrl}/api/v1/whistles`;
    const body = JSON.stringify(raiseBody(township.id, 0));
    autocannon(url, { method: 'POST', token: township.headToken, body, seconds: 3 }); // warm-up, not measured
    const raiseBaseline = await machineBaseline(services.databaseUrl);
    const before = sampleCpu(processes);
    const raising: AutocannonResult = autocannon(url, { method: 'POST', token: township.headToken, body });
    const raisingCpu = cpuPerOperation(before, sampleCpu(processes), raising.requests.total, 'whistle');

    console.log(
      `\n## Whistles (one API process and one worker process, every day a working day, accept within ${ACCEPT_WITHIN_SECONDS} s; ${services.description})\n`,
    );
    console.log(`Raising over HTTP (${CLIENTS} connections, ${SECONDS} s; machine baseline before it: ${raiseBaseline})\n`);
    console.log('| request | whistles/s | p50 ms | p99 ms | total | non-2xx/errors |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
    console.log(
      `| POST /api/v1/whistles (a head's, routed by the list) | ${raising.requests.average.toFixed(0)} | ${raising.latency.p50} | ${raising.latency.p99} | ${raising.requests.total} | ${raising.non2xx + raising.errors} |`,
    );
    console.log(`\n${raisingCpu}`);
    console.log(
      `\nSupervision of ${lag.whistles} whistles left unaccepted, raised at ${lag.raisedPerSecond.toFixed(0)}/s; their accept deadlines passed within ${lag.deadlineSpreadSeconds.toFixed(1)} s (machine baseline before it: ${lagBaseline})\n`,
    );
    console.log('| whistles | reminded | exactly one first-round reminder | p50 ms | p99 ms | max ms | target p99 |');
    console.log('| ---: | ---: | ---: | ---: | ---: | ---: | --- |');
    console.log(
      `| ${lag.whistles} | ${lag.reminded} | ${lag.exactlyOnce} (${lag.inboxItems} inbox items for ${lag.recipients} recipients) | ${lag.p50.toFixed(0)} | ${lag.p99.toFixed(0)} | ${lag.max.toFixed(0)} | < 5,000 ms: ${lag.p99 < 5000 ? 'met' : 'missed'} |`,
    );
    console.log(`\n${supervisionCpu}`);
    console.log(
      "\nLag: from the whistle's deadlines.acceptBy to the first supervision item about it in the county office's inbox (inbox.created_at).",
    );
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

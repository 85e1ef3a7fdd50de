/**
 * The batch planner (成熟一批、赋予一批): POST /api/v1/plans/handover-batch for 30 townships × 50 powers
 * (1,500 pairs judged by the readiness rules) of a county whose teams hold 0–4 officers, some equipment
 * and some training (every fifth team all it takes, ready for every power). One request at a time, each on a fresh connection, as the county office asks it:
 * p50/p99 of 200 answers beside GET /health/live measured the same way in the same run, and the machine
 * baseline. Target: under 1 s. The API runs from the build, on PostgreSQL, one process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SAMPLE_CATALOGUE } from '../../apps/api/src/demo/sample-catalogue';
import { findFreePort, waitFor } from '../../libs/platform/src/net';
import { machineBaseline } from './bench-baseline';
import { analyzeDatabase, BENCH_ADMIN, benchApiEnvironment, migrateBenchDatabase, startBenchServices, stopProcess } from './bench-services';
import { api } from './http.bench';

const ROOT = resolve(__dirname, '../..');
const TOWNSHIPS = 30;
const POWERS = 50;
const SAMPLES = Number(process.env.BENCH_PLANNER_SAMPLES ?? 200);
const WARM_UP = 20;

/** The i-th of 50 powers: the sample catalogue's requirements, with 2 to 4 certified officers. */
function powerOf(index: number): Record<string, unknown> {
  const sample = SAMPLE_CATALOGUE[index % SAMPLE_CATALOGUE.length]!;
  return {
    ...sample,
    code: `PB-${String(index + 1).padStart(4, '0')}`,
    name: `${sample.name}（${index + 1}）`,
    requirements: { ...sample.requirements, certifiedOfficers: 2 + (index % 3) },
  };
}

/** Milliseconds of each of `count` sequential calls of `call`. */
async function timings(count: number, call: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const started = performance.now();
    await call();
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b);
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** Four officers trained on every course of the catalogue, every kind of equipment: ready for every power. */
async function fullTeam(baseUrl: string, office: string, team: string, index: number): Promise<void> {
  const courses = new Map<string, number>();
  const kinds = new Map<string, number>();
  for (const sample of SAMPLE_CATALOGUE) {
    for (const { course, hours } of sample.requirements.training) courses.set(course, Math.max(courses.get(course) ?? 0, hours));
    for (const { kind, quantity } of sample.requirements.equipment) kinds.set(kind, Math.max(kinds.get(kind) ?? 0, quantity));
  }
  for (let officer = 0; officer < 4; officer += 1) {
    const joined = await api(baseUrl, 'POST', `${team}/officers`, office, {
      name: `执法员${index}-${officer}`,
      certificateNumber: `BENCH-${index}-${officer}`,
      certificateExpiresOn: '2030-12-31',
    });
    for (const [course, hours] of courses)
      await api(baseUrl, 'POST', `${team}/training`, office, { officerId: joined.officerId, course, hours, completedOn: '2026-01-15' });
  }
  for (const [kind, quantity] of kinds) await api(baseUrl, 'POST', `${team}/equipment`, office, { kind, quantity });
}

export async function main(): Promise<void> {
  const services = await startBenchServices();
  let server: ChildProcess | undefined;
  try {
    const port = await findFreePort();
    const env = benchApiEnvironment(services, port, 'fq-bench-planner');
    migrateBenchDatabase(env);
    server = spawn(process.execPath, [join(ROOT, 'dist/apps/api/src/main.js'), '--with-worker'], {
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitFor('the API', async () => (await fetch(`${baseUrl}/health/ready`)).ok, 60_000, 200);

    const admin = (await api(baseUrl, 'POST', '/api/v1/auth/login', undefined, BENCH_ADMIN)).accessToken as string;
    const county = await api(baseUrl, 'POST', '/api/v1/counties', admin, { name: '基准县' });
    const user = { username: 'bench-county', password: 'bench-password' };
    await api(baseUrl, 'POST', '/api/v1/users', admin, { ...user, role: 'county_admin', countyId: county.id });
    const office = (await api(baseUrl, 'POST', '/api/v1/auth/login', undefined, user)).accessToken as string;
    const powerCodes: string[] = [];
    for (let index = 0; index < POWERS; index += 1) {
      const power = powerOf(index);
      await api(baseUrl, 'POST', '/api/v1/powers', office, power);
      powerCodes.push(power.code as string);
    }
    const townshipIds: string[] = [];
    for (let index = 0; index < TOWNSHIPS; index += 1) {
      const township = await api(baseUrl, 'POST', `/api/v1/counties/${county.id as string}/townships`, admin, {
        name: `基准镇${index + 1}`,
      });
      townshipIds.push(township.id as string);
      const team = `/api/v1/teams/${township.teamId as string}`;
      if (index % 5 === 4) {
        await fullTeam(baseUrl, office, team, index);
        continue;
      }
      for (let officer = 0; officer < index % 5; officer += 1) {
        const joined = await api(baseUrl, 'POST', `${team}/officers`, office, {
          name: `执法员${index}-${officer}`,
          certificateNumber: `BENCH-${index}-${officer}`,
          certificateExpiresOn: officer === 0 ? '2027-06-30' : '2030-12-31',
        });
        const course = SAMPLE_CATALOGUE[(index + officer) % SAMPLE_CATALOGUE.length]!.requirements.training[0]!;
        await api(baseUrl, 'POST', `${team}/training`, office, { officerId: joined.officerId, ...course, completedOn: '2026-01-15' });
      }
      if (index % 2 === 0) await api(baseUrl, 'POST', `${team}/equipment`, office, { kind: 'body-camera', quantity: 2 + (index % 3) });
    }
    await analyzeDatabase(services.databaseUrl);

    // A month from now: the certificates (valid to 2027 and 2030) still count.
    const effectiveOn = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const body = { powerCodes, townshipIds, effectiveOn };
    const plan = await api(baseUrl, 'POST', '/api/v1/plans/handover-batch', office, body);
    const pairs = (plan.ready as unknown[]).length + (plan.notReady as unknown[]).length;
    if (pairs !== TOWNSHIPS * POWERS)
      throw new Error(`the plan judged ${pairs} pairs, not ${TOWNSHIPS * POWERS}: ${JSON.stringify(plan).slice(0, 300)}`);
    const bytes = Buffer.byteLength(JSON.stringify(plan));

    await timings(WARM_UP, () => api(baseUrl, 'POST', '/api/v1/plans/handover-batch', office, body));
    const baseline = await machineBaseline(services.databaseUrl);
    const live = await timings(SAMPLES, () => fetch(`${baseUrl}/health/live`).then((response) => response.text()));
    const planner = await timings(SAMPLES, () => api(baseUrl, 'POST', '/api/v1/plans/handover-batch', office, body));

    const row = (name: string, sorted: readonly number[]): string =>
      `| ${name} | ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 99).toFixed(1)} | ${sorted.length} |`;
    console.log(
      `\n## Batch planner, ${TOWNSHIPS} townships × ${POWERS} powers (one request at a time, one API process, ${services.description})\n`,
    );
    console.log(`Machine baseline before measuring (${baseline}); the figures move with it.`);
    console.log(
      `Answer: ${(plan.ready as unknown[]).length} ready, ${(plan.notReady as unknown[]).length} not ready, ${bytes} bytes of JSON.\n`,
    );
    console.log('| request | p50 ms | p99 ms | samples |');
    console.log('| --- | ---: | ---: | ---: |');
    console.log(row('GET /health/live (baseline of this run)', live));
    console.log(row('POST /api/v1/plans/handover-batch', planner));
    console.log(`\nPlanner p50 / live p50: ${(percentile(planner, 50) / percentile(live, 50)).toFixed(1)}×`);
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

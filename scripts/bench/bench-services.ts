import { type ChildProcess, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { launchRedisServer } from '../../libs/platform/src/redis/redis-server.launcher';
import { startPostgresCluster } from '../../test/support/postgres-cluster';

/** PostgreSQL and Redis for a benchmark: the given DATABASE_URL / REDIS_URL, or throwaway ones on loopback. */
export interface BenchServices {
  readonly databaseUrl: string;
  readonly redisUrl: string;
  readonly description: string;
  stop(): Promise<void>;
}

/**
 * The statements that took the most database time since the last call (BENCH_PG_STATEMENTS=1 only;
 * empty otherwise): calls, total and mean milliseconds, and the statement's first characters.
 */
export async function topStatements(databaseUrl: string, limit = 15): Promise<string> {
  if (!process.env.BENCH_PG_STATEMENTS) return '';
  return withClient(databaseUrl, async (client) => {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    const { rows } = await client.query<{ calls: string; total: number; mean: number; query: string }>(
      `SELECT calls::text, total_exec_time AS total, mean_exec_time AS mean, regexp_replace(query, '\\s+', ' ', 'g') AS query
       FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT $1`,
      [limit],
    );
    await client.query('SELECT pg_stat_statements_reset()');
    return rows
      .map(
        (row) =>
          `${row.calls.padStart(7)} calls ${row.total.toFixed(0).padStart(7)} ms ${row.mean.toFixed(3).padStart(8)} ms/call  ${row.query.slice(0, 150)}`,
      )
      .join('\n');
  });
}

/**
 * ANALYZE, after the warm-up: the planner's statistics as autovacuum keeps them on a database that has
 * been running. A fresh database has none until autovacuum's next round (up to a minute), and until
 * then a connection's prepared statements keep the plans made for near-empty tables (sequential scans).
 */
export async function analyzeDatabase(databaseUrl: string): Promise<void> {
  await withClient(databaseUrl, (client) => client.query('ANALYZE'));
}

/** One connection of its own for `work`, closed afterwards. */
async function withClient<T>(databaseUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function startBenchServices(): Promise<BenchServices> {
  const stoppers: Array<() => Promise<void>> = [];
  let databaseUrl = process.env.DATABASE_URL;
  let redisUrl = process.env.REDIS_URL;
  const parts: string[] = [];
  const tcp = process.env.BENCH_TCP === '1';
  if (!databaseUrl) {
    // BENCH_PG_STATEMENTS=1: pg_stat_statements on, so a benchmark can say which statements cost the most.
    const settings = process.env.BENCH_PG_STATEMENTS ? ['shared_preload_libraries=pg_stat_statements', 'pg_stat_statements.track=all'] : [];
    const cluster = await startPostgresCluster('fangquan_bench', settings);
    // Over the Unix socket, as a deployment on one machine connects; BENCH_TCP=1 measures TCP on loopback.
    databaseUrl = tcp ? cluster.url : cluster.socketUrl;
    stoppers.push(async () => cluster.stop());
    parts.push(`throwaway PostgreSQL cluster over ${tcp ? 'TCP on loopback' : 'its Unix socket'} (fsync=off, synchronous_commit=off)`);
  } else parts.push('PostgreSQL at DATABASE_URL');
  if (!redisUrl) {
    const redis = await launchRedisServer({ dataDir: mkdtempSync(join(tmpdir(), 'fangquan-bench-redis-')), socket: !tcp });
    redisUrl = redis.url;
    stoppers.push(() => redis.stop());
    parts.push(`private redis-server over ${tcp ? 'TCP on loopback' : 'its Unix socket'} (AOF everysec)`);
  } else parts.push('Redis at REDIS_URL');
  return {
    databaseUrl,
    redisUrl,
    description: parts.join(', '),
    stop: async () => {
      for (const stop of stoppers.reverse()) await stop();
    },
  };
}

/** The environment of the API and worker processes a benchmark starts from the build, on its services. */
/** The administrator the benchmarks' API creates on first start. */
export const BENCH_ADMIN = { username: 'admin', password: 'bench-admin-password' } as const;

export function benchApiEnvironment(
  services: BenchServices,
  port: number,
  queuePrefix: string,
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: services.databaseUrl,
    REDIS_URL: services.redisUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    ADMIN_PASSWORD: BENCH_ADMIN.password,
    JWT_SECRET: 'bench-secret',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'fangquan-bench-')),
    LOG_LEVEL: 'warn',
    QUEUE_PREFIX: queuePrefix,
    ...extra,
  };
}

/** Runs the build's migrations on the benchmark's database (`npm run build` first). */
export function migrateBenchDatabase(env: NodeJS.ProcessEnv): void {
  const migrate = spawnSync(process.execPath, [resolve(__dirname, '../../dist/scripts/migrate.js')], { env, encoding: 'utf8' });
  if (migrate.status !== 0) throw new Error(`migrate failed (run npm run build first): ${migrate.stderr}`);
}

/** Stops a process the benchmark started (SIGTERM) and waits until it has exited. */
export async function stopProcess(child: ChildProcess | undefined): Promise<void> {
  if (child === undefined || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

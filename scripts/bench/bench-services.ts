import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchRedisServer } from '../../libs/platform/src/redis/redis-server.launcher';
import { startPostgresCluster } from '../../test/support/postgres-cluster';

/** PostgreSQL and Redis for a benchmark: the given DATABASE_URL / REDIS_URL, or throwaway ones on loopback. */
export interface BenchServices {
  readonly databaseUrl: string;
  readonly redisUrl: string;
  readonly description: string;
  stop(): Promise<void>;
}

export async function startBenchServices(): Promise<BenchServices> {
  const stoppers: Array<() => Promise<void>> = [];
  let databaseUrl = process.env.DATABASE_URL;
  let redisUrl = process.env.REDIS_URL;
  const parts: string[] = [];
  if (!databaseUrl) {
    const cluster = await startPostgresCluster('fangquan_bench');
    databaseUrl = cluster.url;
    stoppers.push(async () => cluster.stop());
    parts.push('throwaway PostgreSQL cluster (fsync=off, synchronous_commit=off)');
  } else parts.push('PostgreSQL at DATABASE_URL');
  if (!redisUrl) {
    const redis = await launchRedisServer({ dataDir: mkdtempSync(join(tmpdir(), 'fangquan-bench-redis-')) });
    redisUrl = redis.url;
    stoppers.push(() => redis.stop());
    parts.push('private redis-server (AOF everysec)');
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

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchRedisServer } from '../../libs/platform/src/redis/redis-server.launcher';
import { startPostgresCluster } from './postgres-cluster';
import { testServices } from './test-services';

interface JestGlobalConfig { selectProjects?: string[] }

/**
 * Starts a real PostgreSQL cluster and a real Redis on loopback for the integration tier, and hands
 * their URLs to the test workers through TEST_DATABASE_URL / TEST_REDIS_URL. A run of the unit tier
 * alone (`--selectProjects unit`) starts nothing.
 */
export default async function globalSetup(globalConfig: JestGlobalConfig): Promise<void> {
  const selected = globalConfig.selectProjects;
  if (selected && !selected.includes('int')) return;
  const postgres = await startPostgresCluster();
  const redis = await launchRedisServer({ dataDir: mkdtempSync(join(tmpdir(), 'fangquan-redis-')) });
  process.env.TEST_DATABASE_URL = postgres.url;
  process.env.TEST_REDIS_URL = redis.url;
  testServices.stoppers.push(() => redis.stop(), async () => postgres.stop());
}

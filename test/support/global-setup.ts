import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchRedisServer } from '../../libs/platform/src/redis/redis-server.launcher';
import { startPostgresCluster } from './postgres-cluster';
import { createMigratedTemplate } from './test-app';

/**
 * Starts a real PostgreSQL cluster and a real Redis on this machine for the integration tier and hands
 * their URLs to the test workers through TEST_DATABASE_URL / TEST_REDIS_URL; stops both afterwards.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const postgres = await startPostgresCluster();
  const redis = await launchRedisServer({ dataDir: mkdtempSync(join(tmpdir(), 'fangquan-redis-')), socket: true });
  // Over the Unix sockets, as a deployment on one machine connects (the TCP path is tested where a test needs a port).
  process.env.TEST_DATABASE_URL = postgres.socketUrl;
  process.env.TEST_REDIS_URL = redis.url;
  // Each test app's database is a copy of one migrated once (CREATE DATABASE … TEMPLATE), not migrated again.
  process.env.TEST_TEMPLATE_DATABASE = await createMigratedTemplate(postgres.socketUrl);
  return async () => {
    await redis.stop();
    postgres.stop();
  };
}

import type { AppConfig } from '../config/app-config';
import { launchRedisServer, type LaunchedRedis } from '../redis/redis-server.launcher';

/** The Redis this process talks to: the given REDIS_URL, or a redis-server we start ourselves. */
export interface RedisEndpoint {
  readonly url: string;
  readonly launched: LaunchedRedis | undefined;
}

export async function resolveRedisEndpoint(redis: AppConfig['redis'], log: (m: string) => void): Promise<RedisEndpoint> {
  if (redis.kind === 'external') return { url: redis.url, launched: undefined };
  const launched = await launchRedisServer({ dataDir: redis.dir, installIfMissing: true, socket: true, log });
  return { url: launched.url, launched };
}

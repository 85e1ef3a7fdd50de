import Redis, { type RedisOptions } from 'ioredis';

/**
 * Where a Redis is reached, from REDIS_URL: `redis://` or `rediss://` over TCP, or `unix:///path/to/redis.sock`
 * (optionally `?db=N`) over a Unix socket — the cheaper way to a Redis on the same machine: on loopback
 * TCP every command pays for the kernel's TCP path on both sides.
 */
export const REDIS_URL_PROTOCOLS = ['redis:', 'rediss:', 'unix:'] as const;

/** What ioredis takes: the URL as it is for TCP, the socket's path (with its query) for `unix:`. */
export function ioredisAddress(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== 'unix:') return url;
  if (parsed.host !== '' || parsed.pathname === '' || parsed.pathname === '/') {
    throw new RangeError(`A unix: Redis URL names an absolute socket path, as unix:///run/redis/redis.sock (got "${url}")`);
  }
  return `${decodeURIComponent(parsed.pathname)}${parsed.search}`;
}

/** An ioredis client for REDIS_URL (TCP or `unix:`): every Redis connection of the project is made here. */
export function redisClient(url: string, options: RedisOptions): Redis {
  return new Redis(ioredisAddress(url), options);
}

/** The `unix:` URL of a socket path. */
export function unixRedisUrl(socketPath: string): string {
  return `unix://${socketPath.split('/').map(encodeURIComponent).join('/')}`;
}

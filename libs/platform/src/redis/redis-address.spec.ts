import { describe, expect, it } from 'vitest';
import { ioredisAddress, unixRedisUrl } from './redis-address';
import { ConfigError, loadAppConfig } from '../config/app-config';

describe('Redis addresses', () => {
  it('hands TCP URLs to ioredis as they are', () => {
    expect(ioredisAddress('redis://127.0.0.1:6379/2')).toBe('redis://127.0.0.1:6379/2');
    expect(ioredisAddress('rediss://user:secret@redis.example:6380')).toBe('rediss://user:secret@redis.example:6380');
  });

  it('turns a unix: URL into the socket path ioredis connects to, keeping the database', () => {
    expect(ioredisAddress('unix:///run/redis/redis.sock')).toBe('/run/redis/redis.sock');
    expect(ioredisAddress('unix:///run/redis/redis.sock?db=3')).toBe('/run/redis/redis.sock?db=3');
  });

  it('refuses a unix: URL without an absolute path', () => {
    expect(() => ioredisAddress('unix://redis.sock')).toThrow(/absolute socket path/);
    expect(() => ioredisAddress('unix:///')).toThrow(/absolute socket path/);
  });

  it('writes the unix: URL of a socket path, spaces and all', () => {
    expect(unixRedisUrl('/tmp/fq data/redis.sock')).toBe('unix:///tmp/fq%20data/redis.sock');
    expect(ioredisAddress(unixRedisUrl('/tmp/fq data/redis.sock'))).toBe('/tmp/fq data/redis.sock');
  });

  it('accepts REDIS_URL over a Unix socket and names the variable when the URL is off', () => {
    expect(loadAppConfig({ REDIS_URL: 'unix:///run/redis/redis.sock' }).redis).toEqual({
      kind: 'external',
      url: 'unix:///run/redis/redis.sock',
    });
    expect(() => loadAppConfig({ REDIS_URL: 'unix://redis.sock' })).toThrow(ConfigError);
    expect(() => loadAppConfig({ REDIS_URL: 'unix://redis.sock' })).toThrow(/REDIS_URL/);
    expect(() => loadAppConfig({ REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(
      /REDIS_URL must start with redis:\/\/ or rediss:\/\/ or unix:\/\//,
    );
  });
});

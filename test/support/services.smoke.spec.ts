import { Client } from 'pg';
import Redis from 'ioredis';

describe('test services', () => {
  it('gives the integration tier a real PostgreSQL and a real Redis', async () => {
    const pg = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await pg.connect();
    const { rows } = await pg.query<{ v: string }>('SELECT current_setting($1) AS v', ['server_version_num']);
    await pg.end();
    expect(Number(rows[0]?.v)).toBeGreaterThanOrEqual(130000);
    const redis = new Redis(process.env.TEST_REDIS_URL ?? '');
    expect(await redis.config('GET', 'maxmemory-policy')).toEqual(['maxmemory-policy', 'noeviction']);
    redis.disconnect();
  });
});

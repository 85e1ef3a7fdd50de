import { Client } from 'pg';
import { redisClient } from '@fangquan/platform';

describe('test services', () => {
  it('gives the integration tier a real PostgreSQL and a real Redis, both over their Unix sockets', async () => {
    const pg = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await pg.connect();
    const { rows } = await pg.query<{ v: string; client_addr: string | null }>(
      'SELECT current_setting($1) AS v, client_addr::text FROM pg_stat_activity WHERE pid = pg_backend_pid()',
      ['server_version_num'],
    );
    await pg.end();
    expect(Number(rows[0]?.v)).toBeGreaterThanOrEqual(130000);
    // A client on a Unix socket has no client address.
    expect(rows[0]?.client_addr).toBeNull();
    const redis = redisClient(process.env.TEST_REDIS_URL ?? '', {});
    expect(await redis.config('GET', 'maxmemory-policy')).toEqual(['maxmemory-policy', 'noeviction']);
    const info = String(await redis.client('INFO'));
    redis.disconnect();
    expect(info).toMatch(/ laddr=\/\S+redis\.sock/);
  });
});

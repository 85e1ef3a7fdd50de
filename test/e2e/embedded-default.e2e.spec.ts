import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { findFreePort, waitFor } from '@fangquan/platform';

/**
 * The embedded default as `npm start` runs it: the built API + workers in one process, PGlite in
 * DATA_DIR, a redis-server the process starts itself. No DATABASE_URL, no REDIS_URL.
 */
const ROOT = resolve(__dirname, '../..');
const MAIN = join(ROOT, 'dist/apps/api/src/main.js');

interface Started {
  readonly process: ChildProcess;
  readonly baseUrl: string;
  output(): string;
}

const DEMO_USERS = 'admin / county / scjg / chengguan / xiping / auditor';

/** The last start-up line; stdout is a pipe here, so it comes as the message of a JSON log entry. */
async function readyLine(app: Started): Promise<string> {
  let line: string | undefined;
  await waitFor(
    'the ready line',
    async () => {
      line = app
        .output()
        .split('\n')
        .find((entry) => entry.includes('Fangquan is ready'));
      return line !== undefined;
    },
    10_000,
  );
  return (JSON.parse(line ?? '') as { msg: string }).msg;
}

async function startEmbedded(dataDir: string, env: Record<string, string> = {}): Promise<Started> {
  const port = await findFreePort();
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !['DATABASE_URL', 'REDIS_URL', 'ADMIN_PASSWORD', 'SEED_DEMO'].includes(name)),
  );
  const child = spawn(process.execPath, [MAIN, '--with-worker'], {
    env: { ...clean, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor(
    'the embedded app to be ready',
    async () => {
      if (child.exitCode !== null) throw new Error(`exited ${child.exitCode}: ${output}`);
      return (await fetch(`${baseUrl}/health/ready`)).status === 200;
    },
    90_000,
    250,
  );
  return { process: child, baseUrl, output: () => output };
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((done) => {
    if (child.exitCode !== null) return done(child.exitCode);
    child.once('exit', (code) => done(code));
    child.kill('SIGTERM');
  });
}

function pidAlive(pid: number): boolean {
  return existsSync(`/proc/${pid}`) && !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
}

describe('the embedded default (npm start)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fangquan-embedded-'));
  let app: Started;

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error('run `npm run build` first (npm test does)');
    app = await startEmbedded(dataDir);
  }, 120_000);
  afterAll(async () => {
    if (app) await stop(app.process);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers /health/ready with the embedded database and its own Redis', async () => {
    const ready = await request(app.baseUrl).get('/health/ready').expect(200);
    expect(ready.body.details).toMatchObject({ database: { status: 'up' }, redis: { status: 'up' } });
    expect(existsSync(join(dataDir, 'pglite'))).toBe(true);
    expect(existsSync(join(dataDir, 'redis', 'redis-server.pid'))).toBe(true);
  });

  it('seeds the demo county once and prints each demo password', async () => {
    const match = /^\s+county\s+county_admin\s+(\S+)$/m.exec(app.output());
    expect(match?.[1]).toBeTruthy();
    // Kept for the next start, readable by the owner only, with the same passwords as printed.
    const credentials = join(dataDir, 'demo-credentials.txt');
    expect(statSync(credentials).mode & 0o777).toBe(0o600);
    expect(readFileSync(credentials, 'utf8')).toMatch(new RegExp(`^\\s+county\\s+county_admin\\s+${match?.[1]}$`, 'm'));
    expect(readFileSync(credentials, 'utf8')).toMatch(/^\s+auditor\s+auditor\s+\S+$/m);
    // The last start-up line: where to open the app, who to log in as, where the passwords are — after them.
    expect(await readyLine(app)).toBe(`Fangquan is ready: open ${app.baseUrl}/ (${DEMO_USERS} as printed above; kept in ${credentials})`);
    expect(app.output().indexOf('Fangquan is ready')).toBeGreaterThan(app.output().indexOf('Demo county 示范县 created'));
    const login = await request(app.baseUrl).post('/api/v1/auth/login').send({ username: 'county', password: match?.[1] }).expect(200);
    const token = login.body.accessToken as string;
    const powers = await request(app.baseUrl).get('/api/v1/powers').set('authorization', `Bearer ${token}`).expect(200);
    expect(powers.body).toHaveLength(14);
    const handovers = await request(app.baseUrl).get('/api/v1/handovers?pageSize=50').set('authorization', `Bearer ${token}`).expect(200);
    const statuses = (handovers.body.items as Array<{ status: string }>).map((h) => h.status).sort();
    expect(statuses).toEqual(['active', 'contested', 'recorded', 'recorded', 'revoked']);
    const gapped = (
      handovers.body.items as Array<{ powerCode: string; readiness: { ready: boolean; gaps: Array<{ responsible: string }> } }>
    ).find((h) => h.powerCode === 'CF-SC-0006');
    expect(gapped?.readiness.ready).toBe(false);
    expect(gapped?.readiness.gaps.map((g) => g.responsible)).toContain('市场监管局');
    // The duty lists: 城关镇's is published (公示, no token), with the catalogue's items over the eight domains and
    // the sample powers linked; its later draft change is not public; 西坪镇's is a draft only.
    const townships = await request(app.baseUrl)
      .get(`/api/v1/counties/${login.body.user.countyId as string}/townships`)
      .set('authorization', `Bearer ${token}`)
      .expect(200);
    const townshipId = (name: string): string =>
      (townships.body as Array<{ id: string; name: string }>).find((t) => t.name === name)?.id ?? '';
    const published = await request(app.baseUrl)
      .get(`/api/v1/public/townships/${townshipId('城关镇')}/duty-list`)
      .expect(200);
    expect(published.body).toMatchObject({ townshipName: '城关镇', countyName: '示范县', version: 1, decisionRef: '示政办〔2025〕23号' });
    const items = published.body.items as Array<{ domain: string; category: string; powerCode?: string; dutyCode?: string }>;
    expect(items.length).toBeGreaterThanOrEqual(60);
    expect(new Set(items.map((item) => item.domain)).size).toBe(8);
    expect(new Set(items.map((item) => item.powerCode).filter(Boolean)).size).toBe(14);
    expect(published.body.counts.basic * published.body.counts.assisting * published.body.counts.returned).toBeGreaterThan(0);
    expect(items.find((item) => item.dutyCode === 'JJ-006')?.category).toBe('returned');
    const draft = await request(app.baseUrl)
      .get(`/api/v1/public/townships/${townshipId('西坪镇')}/duty-list`)
      .expect(404);
    expect(draft.body.code).toBe('duty-list-unpublished');
    // The process manager writes the first gap reminders on the embedded database too.
    await waitFor(
      'the first gap reminders in the county office’s inbox',
      async () => {
        const inbox = await request(app.baseUrl).get('/api/v1/inbox').set('authorization', `Bearer ${token}`);
        return inbox.status === 200 && (inbox.body as Array<{ kind: string }>).some((item) => item.kind === 'gap');
      },
      15_000,
    );
    // A refused request is logged (at warn: by id, method and path); the token never.
    await request(app.baseUrl)
      .get('/api/v1/handovers/00000000-0000-4000-8000-000000000000')
      .set('authorization', `Bearer ${token}`)
      .expect(404);
    await waitFor(
      'the request log line',
      async () => app.output().includes('/api/v1/handovers/00000000-0000-4000-8000-000000000000'),
      5_000,
    );
    expect(app.output()).not.toContain(token);
  });

  it('stops cleanly on SIGTERM, stopping the Redis it started, and keeps its data for the next start', async () => {
    const redisPid = Number(readFileSync(join(dataDir, 'redis', 'redis-server.pid'), 'utf8'));
    expect(pidAlive(redisPid)).toBe(true);
    expect(await stop(app.process)).toBe(0);
    expect(app.output()).not.toMatch(/"level":50/);
    await waitFor('redis-server to stop', async () => !pidAlive(redisPid), 10_000);

    // At the default level this time: no framework inventory, no line per successful request.
    app = await startEmbedded(dataDir, { LOG_LEVEL: 'info' });
    expect(app.output()).not.toContain('Demo county 示范县 created');
    const ready = await request(app.baseUrl).get('/health/ready');
    expect(ready.status).toBe(200);
    // The passwords are gone from the console, not from the machine: the ready line points to them.
    const credentials = join(dataDir, 'demo-credentials.txt');
    expect(await readyLine(app)).toBe(`Fangquan is ready: open ${app.baseUrl}/ (${DEMO_USERS}: passwords in ${credentials})`);
    const password = /^\s+county\s+county_admin\s+(\S+)$/m.exec(readFileSync(credentials, 'utf8'))?.[1];
    const login = await request(app.baseUrl).post('/api/v1/auth/login').send({ username: 'county', password }).expect(200);
    await request(app.baseUrl)
      .get('/api/v1/powers')
      .set('authorization', `Bearer ${login.body.accessToken as string}`)
      .expect(200);
    await request(app.baseUrl)
      .get('/api/v1/powers/NO-SUCH-CODE')
      .set('authorization', `Bearer ${login.body.accessToken as string}`)
      .expect(404);
    await waitFor('the refused request’s log line', async () => app.output().includes('/api/v1/powers/NO-SUCH-CODE'), 5_000);
    expect(app.output()).not.toContain('GET /api/v1/powers 200');
    expect(app.output()).not.toContain('RouterExplorer');
    expect(app.output()).not.toContain('InstanceLoader');
  }, 120_000);
});

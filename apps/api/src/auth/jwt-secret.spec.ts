import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveJwtSecret } from './jwt-secret';

describe('resolveJwtSecret', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fangquan-jwt-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('uses JWT_SECRET when set and writes nothing', async () => {
    await expect(resolveJwtSecret({ jwtSecret: 'configured', dataDir: dir })).resolves.toBe('configured');
    expect(() => statSync(join(dir, 'jwt-secret'))).toThrow();
  });

  it('generates one key for concurrent starts, keeps it in DATA_DIR/jwt-secret (0600) and reuses it', async () => {
    const dataDir = join(dir, 'nested');
    const secrets = await Promise.all(Array.from({ length: 8 }, () => resolveJwtSecret({ jwtSecret: undefined, dataDir })));
    expect(new Set(secrets).size).toBe(1);
    expect(secrets[0]?.length).toBeGreaterThanOrEqual(32);
    const file = join(dataDir, 'jwt-secret');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(secrets[0]);
    await expect(resolveJwtSecret({ jwtSecret: undefined, dataDir })).resolves.toBe(secrets[0]);
  });
});

import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { browserUrl, readDemoUsernames, readyLine, writeDemoCredentials } from './demo-credentials';

const CREDENTIALS = [
  { username: 'admin', role: 'admin', password: 'pw-admin' },
  { username: 'county', role: 'county_admin', password: 'pw-county' },
];

describe('the demo credentials file', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'fangquan-demo-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is readable by its owner only and lists each user, role and password', () => {
    const path = writeDemoCredentials(dataDir, CREDENTIALS);
    expect(path).toBe(join(dataDir, 'demo-credentials.txt'));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).toMatch(/^ {2}county {5}county_admin {2}pw-county$/m);
    expect(readDemoUsernames(dataDir)).toEqual(['admin', 'county']);
  });

  it('is made 0600 even when an earlier file was readable by others', () => {
    writeFileSync(join(dataDir, 'demo-credentials.txt'), 'old', { mode: 0o644 });
    expect(statSync(writeDemoCredentials(dataDir, CREDENTIALS)).mode & 0o777).toBe(0o600);
  });

  it('is absent without a demo', () => {
    expect(readDemoUsernames(dataDir)).toBeUndefined();
  });
});

describe('the ready line', () => {
  const dataDir = resolve('data');

  it('names the demo users and the file, as printed on the first start and as kept on a restart', () => {
    const usernames = ['admin', 'county', 'auditor'];
    expect(readyLine({ url: 'http://localhost:3000/', dataDir, demoUsernames: usernames, printedNow: true })).toBe(
      'Fangquan is ready: open http://localhost:3000/ (admin / county / auditor as printed above; kept in data/demo-credentials.txt)',
    );
    expect(readyLine({ url: 'http://localhost:3000/', dataDir, demoUsernames: usernames, printedNow: false })).toBe(
      'Fangquan is ready: open http://localhost:3000/ (admin / county / auditor: passwords in data/demo-credentials.txt)',
    );
  });

  it('names only the address without a demo, and the file by its absolute path outside the working directory', () => {
    expect(readyLine({ url: 'http://localhost:8080/', dataDir, demoUsernames: undefined, printedNow: false })).toBe(
      'Fangquan is ready: open http://localhost:8080/',
    );
    expect(readyLine({ url: 'http://localhost:3000/', dataDir: '/var/lib/fangquan', demoUsernames: ['county'], printedNow: false })).toBe(
      'Fangquan is ready: open http://localhost:3000/ (county: passwords in /var/lib/fangquan/demo-credentials.txt)',
    );
  });

  it('opens localhost when the process listens on every interface, else the host it listens on', () => {
    expect(browserUrl(undefined, 3000)).toBe('http://localhost:3000/');
    expect(browserUrl('0.0.0.0', 3000)).toBe('http://localhost:3000/');
    expect(browserUrl('::', 3001)).toBe('http://localhost:3001/');
    expect(browserUrl('127.0.0.1', 3000)).toBe('http://127.0.0.1:3000/');
    expect(browserUrl('::1', 3000)).toBe('http://[::1]:3000/');
  });
});

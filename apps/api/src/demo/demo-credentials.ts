import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';

/** The demo users' passwords, kept beside the embedded database so that a restart can still name them. */
export const DEMO_CREDENTIALS_FILE = 'demo-credentials.txt';

export interface DemoCredential {
  readonly username: string;
  readonly role: string;
  readonly password: string;
}

export function demoCredentialsPath(dataDir: string): string {
  return join(dataDir, DEMO_CREDENTIALS_FILE);
}

/** The table printed at the first start and kept in the file: one user per line, username first. */
export function formatDemoCredentials(credentials: readonly DemoCredential[]): string {
  return credentials.map(({ username, role, password }) => `  ${username.padEnd(10)} ${role.padEnd(13)} ${password}`).join('\n');
}

/** Writes the file readable by its owner only (0600), whatever the umask or an earlier file's mode. */
export function writeDemoCredentials(dataDir: string, credentials: readonly DemoCredential[]): string {
  const path = demoCredentialsPath(dataDir);
  const text = `# Demo county 示范县: one user per role (username, role, password). SEED_DEMO=0 turns the demo off.\n${formatDemoCredentials(credentials)}\n`;
  writeFileSync(path, text, { mode: 0o600 });
  chmodSync(path, 0o600);
  return path;
}

/** The usernames in the file, in its order; undefined when there is no file (no demo, or it was removed). */
export function readDemoUsernames(dataDir: string): string[] | undefined {
  const path = demoCredentialsPath(dataDir);
  if (!existsSync(path)) return undefined;
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => line.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

export interface ReadyLineInput {
  /** Where the browser opens it, e.g. http://localhost:3000/. */
  readonly url: string;
  readonly dataDir: string;
  /** The demo users, when there is a credentials file. */
  readonly demoUsernames: readonly string[] | undefined;
  /** Were the passwords printed by this start (the first one)? */
  readonly printedNow: boolean;
}

/** The last line of a start: where to open the app and, in the demo, who to log in as and where the passwords are. */
export function readyLine(input: ReadyLineInput): string {
  const head = `Fangquan is ready: open ${input.url}`;
  if (!input.demoUsernames || input.demoUsernames.length === 0) return head;
  const path = demoCredentialsPath(input.dataDir);
  const shown = relative(process.cwd(), path);
  const file = shown.startsWith('..') || isAbsolute(shown) ? path : shown;
  const users = input.demoUsernames.join(' / ');
  return input.printedNow ? `${head} (${users} as printed above; kept in ${file})` : `${head} (${users}: passwords in ${file})`;
}

/** The address a person types: the listening host, or localhost when it listens on every interface. */
export function browserUrl(host: string | undefined, port: number): string {
  const shown = !host || host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}/`;
}

import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { connect } from 'node:net';
import { findFreePort, waitFor } from '../net';
import { unixRedisUrl } from './redis-address';
import { ensureDebianPackages, findBinary, MissingPackagesError, REDIS_SERVER } from '../runtime/debian-packages';

/** sun_path holds 108 bytes on Linux, its last one the terminating NUL; a little room kept. */
const MAX_SOCKET_PATH_BYTES = 100;

export interface LaunchedRedis {
  /** How clients reach it: its Unix socket when one was asked for (and its path fits), else TCP on loopback. */
  readonly url: string;
  readonly port: number;
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

export interface RedisLaunchOptions {
  /** Directory for the AOF and RDB files. */
  readonly dataDir: string;
  readonly port?: number;
  /**
   * Also listen on `dataDir/redis.sock` and hand that out as `url`: on one machine a Unix socket spares
   * every command the kernel's TCP path on both sides. Left on TCP when the path is longer than a
   * socket address holds.
   */
  readonly socket?: boolean;
  /** May the launcher run `apt-get install redis-server` when the binary is missing (root only)? */
  readonly installIfMissing?: boolean;
  readonly log?: (message: string) => void;
}

export class RedisUnavailableError extends Error {
  override readonly name = 'RedisUnavailableError';
}

/** Finds redis-server, installing Debian's package first when allowed and running as root. */
export function ensureRedisServerBinary(installIfMissing: boolean, log: (m: string) => void): string {
  try {
    ensureDebianPackages([REDIS_SERVER], { purpose: 'Fangquan without REDIS_URL', installIfMissing, log });
  } catch (error) {
    if (error instanceof MissingPackagesError) throw new RedisUnavailableError(`${error.message}, or set REDIS_URL to an existing Redis`);
    throw error;
  }
  const binary = findBinary('redis-server');
  if (!binary) throw new RedisUnavailableError('redis-server is not on PATH');
  return binary;
}

/**
 * Starts a private redis-server child on loopback: append-only file on (every second), `noeviction`
 * so queued jobs are never dropped, data under `dataDir`. The child is stopped by `stop()` and dies with us.
 */
export async function launchRedisServer(options: RedisLaunchOptions): Promise<LaunchedRedis> {
  const log = options.log ?? (() => undefined);
  const binary = ensureRedisServerBinary(options.installIfMissing ?? true, log);
  const dir = resolve(options.dataDir);
  mkdirSync(dir, { recursive: true });
  const pidFile = join(dir, 'redis-server.pid');
  await stopStaleRedis(pidFile, log);
  const port = options.port ?? (await findFreePort());
  const socketPath = join(dir, 'redis.sock');
  const socket = options.socket === true && Buffer.byteLength(socketPath) <= MAX_SOCKET_PATH_BYTES;
  if (options.socket === true && !socket) log(`the Redis socket path ${socketPath} is too long for a socket address: clients use TCP`);
  const args = [
    '--pidfile',
    pidFile,
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--protected-mode',
    'yes',
    '--dir',
    dir,
    '--appendonly',
    'yes',
    '--appendfsync',
    'everysec',
    '--maxmemory-policy',
    'noeviction',
    '--save',
    '',
    '--daemonize',
    'no',
    '--logfile',
    '',
    ...(socket ? ['--unixsocket', socketPath, '--unixsocketperm', '700'] : []),
  ];
  // Its own process group: a Ctrl-C in the terminal reaches us, and we stop Redis only after the
  // queues have drained, instead of Redis dying under the in-flight jobs.
  const child: ChildProcess = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let exited = false;
  child.on('exit', () => (exited = true));
  const url = socket ? unixRedisUrl(socketPath) : `redis://127.0.0.1:${port}`;
  try {
    await waitFor(`redis-server on port ${port}`, async () => {
      if (exited) throw new RedisUnavailableError(`redis-server exited at start: ${stderr.trim()}`);
      return (await pingRedis(port)) === '+PONG' && (!socket || existsSync(socketPath));
    });
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  log(`started redis-server on ${url} (data in ${dir})`);
  return {
    url,
    port,
    pid: child.pid,
    stop: () =>
      new Promise<void>((done) => {
        if (exited) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
        setTimeout(() => (exited ? undefined : child.kill('SIGKILL')), 5000).unref();
      }),
  };
}

/** A bare RESP PING over TCP: no client library, nothing left open when it fails. */
function pingRedis(port: number): Promise<string> {
  return new Promise((resolvePing, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.setTimeout(1000, () => socket.destroy(new Error('timeout')));
    socket.once('error', reject);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolvePing(data.toString().trim());
    });
  });
}

/** A redis-server left behind by a process that was killed with SIGKILL is stopped before we start anew. */
async function stopStaleRedis(pidFile: string, log: (m: string) => void): Promise<void> {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  rmSync(pidFile, { force: true });
  if (!Number.isInteger(pid) || pid <= 1) return;
  let command: string;
  try {
    command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return; // not running any more
  }
  if (!command.includes('redis-server')) return;
  log(`stopping a redis-server (pid ${pid}) left running by an earlier start`);
  process.kill(pid, 'SIGTERM');
  await waitFor(`old redis-server ${pid} to stop`, async () => !existsSync(`/proc/${pid}`), 10000).catch(() =>
    process.kill(pid, 'SIGKILL'),
  );
}

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findFreePort, waitFor } from '@fangquan/platform';
import type { TestApp } from '../../support/test-app';

const ROOT = resolve(__dirname, '../../..');

/** A Fangquan process started from the sources as a separate OS process. */
export interface AppProcess {
  readonly child: ChildProcess;
  readonly output: () => string;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/**
 * Starts `script` (a path from the repository root) with swc-node and resolves once `ready` answers true
 * (polled every `intervalMs`); fails when the process exits first or is not ready within `timeoutMs`.
 */
async function startAppProcess(
  script: string,
  env: Record<string, string>,
  ready: (output: string) => Promise<boolean>,
  { timeoutMs, intervalMs, nodeArgs }: { timeoutMs: number; intervalMs: number; nodeArgs: string[] },
): Promise<AppProcess> {
  const child = spawn(process.execPath, [...nodeArgs, '-r', '@swc-node/register', resolve(ROOT, script)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  // Resolves 'exited' if the process ends first; once ready, a later exit is what kill() waits for.
  const exitedFirst = exited.then(() => 'exited' as const);
  try {
    const first = await Promise.race([waitFor(script, () => ready(output), timeoutMs, intervalMs), exitedFirst]);
    if (first === 'exited') throw new Error(`${script} exited with ${String(child.exitCode ?? child.signalCode)} before it was ready`);
  } catch (error) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}:\n${output}`, { cause: error });
  }
  return {
    child,
    output: () => output,
    kill: async (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/**
 * Starts test/reminders/support/worker-process.ts (the production WorkerModule: the reminder process
 * managers and the BullMQ workers); resolves once it prints that it is ready.
 */
export function startWorkerProcess(env: Record<string, string>, timeoutMs = 45_000, nodeArgs: string[] = []): Promise<AppProcess> {
  return startAppProcess('test/reminders/support/worker-process.ts', env, async (output) => output.includes('worker ready'), {
    timeoutMs,
    intervalMs: 20,
    nodeArgs,
  });
}

/** What a worker process started beside `t` needs: its database, Redis and queue prefix, and `settings`. */
export function workerEnvOf(t: TestApp, settings: Record<string, string>): Record<string, string> {
  return {
    ...settings,
    DATABASE_URL: t.databaseUrl,
    REDIS_URL: t.config.redis.kind === 'external' ? t.config.redis.url : '',
    QUEUE_PREFIX: t.config.queuePrefix,
    JWT_SECRET: 'test-secret',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'fangquan-worker-')),
    LOG_LEVEL: 'error',
  };
}

/**
 * Starts apps/api/src/main.ts (the production API process: HTTP and the read-model projection) on a free
 * loopback port; resolves once GET /health/ready answers 200.
 */
export async function startApiProcess(env: Record<string, string>, timeoutMs = 45_000, nodeArgs: string[] = []): Promise<AppProcess> {
  const port = await findFreePort();
  const healthy = async (): Promise<boolean> => (await fetch(`http://127.0.0.1:${port}/health/ready`)).ok;
  return startAppProcess('apps/api/src/main.ts', { ...env, PORT: String(port), HOST: '127.0.0.1' }, healthy, {
    timeoutMs,
    intervalMs: 100,
    nodeArgs,
  });
}

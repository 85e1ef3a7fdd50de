import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { findFreePort } from '@fangquan/platform';

const ROOT = resolve(__dirname, '../../..');

/** A Fangquan process started from the sources as a separate OS process. */
export interface AppProcess {
  readonly child: ChildProcess;
  readonly output: () => string;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/**
 * Starts `script` (a path from the repository root) with swc-node and resolves once `ready` does; fails
 * when the process exits first or `ready` does not resolve within `timeoutMs`.
 */
async function startAppProcess(script: string, env: Record<string, string>, ready: (output: () => string) => Promise<void>, timeoutMs: number, nodeArgs: string[]): Promise<AppProcess> {
  const child = spawn(process.execPath, [...nodeArgs, '-r', '@swc-node/register', resolve(ROOT, script)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      ready(() => output),
      new Promise<never>((_, fail) => {
        timer = setTimeout(() => fail(new Error(`${script} not ready after ${timeoutMs} ms:\n${output}`)), timeoutMs);
      }),
      exited.then(() => {
        throw new Error(`${script} exited with ${String(child.exitCode ?? child.signalCode)} before it was ready:\n${output}`);
      }),
    ]);
  } catch (error) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    throw error;
  } finally {
    clearTimeout(timer);
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

async function poll(check: () => boolean | Promise<boolean>, intervalMs: number): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, intervalMs));
}

/**
 * Starts test/reminders/support/worker-process.ts (the production WorkerModule: the reminder process
 * managers and the BullMQ workers); resolves once it prints that it is ready.
 */
export function startWorkerProcess(env: Record<string, string>, timeoutMs = 45_000, nodeArgs: string[] = []): Promise<AppProcess> {
  return startAppProcess('test/reminders/support/worker-process.ts', env, (output) => poll(() => output().includes('worker ready'), 20), timeoutMs, nodeArgs);
}

/**
 * Starts apps/api/src/main.ts (the production API process: HTTP and the read-model projection) on a free
 * loopback port; resolves once GET /health/ready answers 200.
 */
export async function startApiProcess(env: Record<string, string>, timeoutMs = 45_000, nodeArgs: string[] = []): Promise<AppProcess & { readonly baseUrl: string }> {
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const healthy = async (): Promise<boolean> => (await fetch(`${baseUrl}/health/ready`).catch(() => undefined))?.ok === true;
  const started = await startAppProcess('apps/api/src/main.ts', { ...env, PORT: String(port), HOST: '127.0.0.1' }, () => poll(healthy, 100), timeoutMs, nodeArgs);
  return { ...started, baseUrl };
}

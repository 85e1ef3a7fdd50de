import type { INestApplicationContext } from '@nestjs/common';
import { loadAppConfig, ConfigError, type AppConfig } from '../config/app-config';
import { resolveRedisEndpoint } from './redis-endpoint';

export interface ProcessRuntime {
  readonly config: AppConfig;
  readonly redisUrl: string;
}

function say(name: string, message: string): void {
  process.stdout.write(`${JSON.stringify({ level: 30, time: Date.now(), context: name, msg: message })}\n`);
}

/**
 * Runs one Fangquan process: reads the configuration, finds or starts Redis, starts the Nest
 * application, and on SIGINT/SIGTERM closes it (HTTP stops accepting, in-flight requests and jobs
 * finish, subscriptions stop after their batch) before stopping the Redis it started, in that order.
 */
export async function runProcess(name: string, start: (runtime: ProcessRuntime) => Promise<INestApplicationContext>): Promise<void> {
  let config: AppConfig;
  try {
    config = loadAppConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`fangquan: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const redis = await resolveRedisEndpoint(config.redis, (m) => say(name, m)).catch((error: unknown) => {
    process.stderr.write(`fangquan: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  });
  let app: INestApplicationContext | undefined;
  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    say(name, `${signal} received: finishing in-flight work`);
    const force = setTimeout(() => {
      process.stderr.write('fangquan: shutdown took longer than 30 s, exiting\n');
      process.exit(1);
    }, 30_000);
    force.unref();
    try {
      await app?.close();
    } finally {
      await redis.launched?.stop();
      say(name, 'stopped');
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  try {
    app = await start({ config, redisUrl: redis.url });
  } catch (error) {
    process.stderr.write(`fangquan: ${name} failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    await redis.launched?.stop();
    process.exit(1);
  }
}

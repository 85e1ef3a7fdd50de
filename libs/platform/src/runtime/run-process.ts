import type { INestApplicationContext } from '@nestjs/common';
import { loadAppConfig, ConfigError, type AppConfig } from '../config/app-config';
import { resolveRedisEndpoint } from './redis-endpoint';
import { currentLogFormat, type LogFormat } from '../logging/log-format';
import { processLogger } from '../logging/log-destination';

export interface ProcessRuntime {
  readonly config: AppConfig;
  readonly redisUrl: string;
}

export interface ProcessConsole {
  readonly logFormat: LogFormat;
  /**
   * A line for the person who started the process (where to open it), at any LOG_LEVEL: as plain text on
   * a terminal, as an `info` entry of the JSON log otherwise.
   */
  announce(message: string): void;
}

/**
 * Runs one Fangquan process: reads the configuration, finds or starts Redis, starts the Nest
 * application, and on SIGINT/SIGTERM closes it (HTTP stops accepting, in-flight requests and jobs
 * finish, subscriptions stop after their batch) before stopping the Redis it started, in that order.
 */
export async function runProcess(
  name: string,
  start: (runtime: ProcessRuntime, console: ProcessConsole) => Promise<INestApplicationContext>,
): Promise<void> {
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
  const logFormat = currentLogFormat(config);
  const log = processLogger(logFormat, config.logLevel).child({ context: name });
  const say = (message: string): void => log.info(message);
  for (const warning of config.workCalendarWarnings) log.warn(warning);
  // What to open is said whatever LOG_LEVEL filters out, like the demo passwords.
  const announcer = processLogger(logFormat, 'info').child({ context: name });
  const announce = (message: string): void => {
    if (logFormat === 'pretty') process.stdout.write(`${message}\n`);
    else announcer.info(message);
  };
  const redis = await resolveRedisEndpoint(config.redis, say).catch((error: unknown) => {
    process.stderr.write(`fangquan: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  });
  let app: INestApplicationContext | undefined;
  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    say(`${signal} received: finishing in-flight work`);
    const force = setTimeout(() => {
      process.stderr.write('fangquan: shutdown took longer than 30 s, exiting\n');
      process.exit(1);
    }, 30_000);
    force.unref();
    try {
      await app?.close();
    } finally {
      await redis.launched?.stop();
      say('stopped');
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  try {
    app = await start({ config, redisUrl: redis.url }, { logFormat, announce });
  } catch (error) {
    process.stderr.write(`fangquan: ${name} failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    await redis.launched?.stop();
    process.exit(1);
  }
}

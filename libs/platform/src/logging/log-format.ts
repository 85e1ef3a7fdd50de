import type { LevelWithSilent } from 'pino';
import type { AppConfig } from '../config/app-config';

/**
 * How a process writes its log: `pretty` (one readable line per entry, pino-pretty) for a person at a
 * terminal, `json` (one JSON object per line) for anything that collects or parses it.
 */
export type LogFormat = 'pretty' | 'json';

export interface LogSituation {
  /** Is stdout a terminal (`process.stdout.isTTY`)? */
  readonly stdoutIsTty: boolean;
  readonly nodeEnv: string | undefined;
  readonly database: AppConfig['database']['kind'];
}

/**
 * JSON unless a person is watching a development start: stdout is a terminal and this is not production
 * mode (NODE_ENV=production, or a DATABASE_URL: the production deployment, where a collector reads the log).
 */
export function chooseLogFormat(situation: LogSituation): LogFormat {
  const production = situation.nodeEnv === 'production' || situation.database === 'postgres';
  return situation.stdoutIsTty && !production ? 'pretty' : 'json';
}

/** The format for this process, from its stdout and environment. */
export function currentLogFormat(config: Pick<AppConfig, 'database'>): LogFormat {
  return chooseLogFormat({ stdoutIsTty: process.stdout.isTTY === true, nodeEnv: process.env.NODE_ENV, database: config.database.kind });
}

/**
 * The level of a request's log line. Refusals and failures always show (warn, error). A request that
 * succeeded is `debug` in the embedded mode — one person clicking through the web app does not need a line
 * per click — and `info` in production, where the access log is wanted.
 */
export function requestLogLevel(database: AppConfig['database']['kind'], statusCode: number, failed: boolean): LevelWithSilent {
  if (failed || statusCode >= 500) return 'error';
  if (statusCode >= 400) return 'warn';
  return database === 'embedded' ? 'debug' : 'info';
}

/**
 * Nest's own start-up chatter (a line per module initialized, per route mapped: some 75 lines) is
 * `debug`: at the default level the start-up shows what a person needs, not the framework's inventory.
 */
export const FRAMEWORK_START_UP_CONTEXTS: ReadonlySet<string> = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestFactory',
  'NestApplication',
]);

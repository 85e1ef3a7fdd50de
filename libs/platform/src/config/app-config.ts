import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { parseDuration } from './duration';
import { ioredisAddress, REDIS_URL_PROTOCOLS } from '../redis/redis-address';
import { DEFAULT_ASSESSMENT_WEIGHTS, parseAssessmentWeights, type AssessmentWeights } from '@fangquan/domain';
import { loadWorkingTime, WorkingTimeConfigError, type WorkingTimeConfig } from './working-time';

/**
 * Everything the processes read from the environment, parsed and checked once at start; the working
 * calendar and the whistle limits (TZ_COUNTY, WORK_HOURS, WORK_CALENDAR, WHISTLE_*_WITHIN) from working-time.ts.
 */
export interface AppConfig extends WorkingTimeConfig {
  readonly port: number;
  readonly dataDir: string;
  /** `embedded`: PGlite in DATA_DIR; `postgres`: DATABASE_URL. */
  readonly database:
    { readonly kind: 'embedded'; readonly dir: string } | { readonly kind: 'postgres'; readonly url: string; readonly poolSize: number };
  /** `launch`: start a private redis-server; `external`: REDIS_URL. */
  readonly redis: { readonly kind: 'launch'; readonly dir: string } | { readonly kind: 'external'; readonly url: string };
  readonly adminPassword: string | undefined;
  readonly jwtSecret: string | undefined;
  readonly reminderStepsMs: readonly number[];
  readonly reminderRepeatMs: number;
  /** REMINDER_COALESCE: gaps that grow again within this window after a reminder bring one more reminder at its end, not one each. */
  readonly reminderCoalesceMs: number;
  readonly webhookUrl: string | undefined;
  readonly webhookSecret: string | undefined;
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  /** DINGTALK_WEBHOOK_URL: a DingTalk group robot (its `access_token` in the query) that also receives every reminder. */
  readonly dingtalkWebhookUrl: string | undefined;
  /** DINGTALK_SECRET: the robot's 加签 secret; each message is then signed (`timestamp`, `sign`). */
  readonly dingtalkSecret: string | undefined;
  /** WECOM_WEBHOOK_URL: a WeCom (企业微信) group robot (its `key` in the query) that also receives every reminder. */
  readonly wecomWebhookUrl: string | undefined;
  /** ROBOT_INTERVAL: the least time between two messages to one robot (robots take about 20 a minute). */
  readonly robotIntervalMs: number;
  /**
   * PUBLIC_BASE_URL when it is set: the messages posted to the robots link to the handover's page
   * under it. Unset, they carry no link (a localhost address is of no use in a group chat).
   */
  readonly reminderLinkBaseUrl: string | undefined;
  readonly certificateNoticeDays: number;
  /**
   * How long a recall or task admission request may wait for the county office's decision before it is
   * reminded (`DECISION_REMINDER_DAYS`): working days of `workCalendar`, or a plain duration such as `5s` (tests).
   */
  readonly decisionReminder: { readonly days: number } | { readonly ms: number };
  /** Days before the effective date at which a township that has not answered a handover is reminded (largest first). */
  readonly unansweredNoticeDays: readonly number[];
  /** Attempts of each webhook / e-mail delivery before it is left failed (retryable from the dashboard). */
  readonly deliveryAttempts: number;
  /** Delay before the first retry of a webhook / e-mail delivery; doubled at each further retry. */
  readonly deliveryBackoffMs: number;
  /** A webhook receiver that has not answered within this time counts as a failed attempt. */
  readonly webhookTimeoutMs: number;
  /** Addresses that receive every reminder e-mail (besides recipients whose username is an address). */
  readonly mailTo: readonly string[];
  /** Cron pattern (in TZ_COUNTY) of the time-driven sweeps: readiness, certificates, unanswered, activation. */
  readonly sweepCron: string;
  readonly seedDemo: boolean;
  readonly timeZone: string;
  readonly logLevel: string;
  /** Prefix of every BullMQ key in Redis: several deployments (or test apps) can share one Redis. */
  readonly queuePrefix: string;
  /**
   * Express's `trust proxy`: which proxies may set `X-Forwarded-For` (the client address that login
   * throttling counts by). False unless TRUST_PROXY names them: a hop count, or addresses, subnets and
   * `loopback` / `linklocal` / `uniquelocal`, comma-separated.
   */
  readonly trustProxy: false | number | string;
  /** PUBLIC_BASE_URL: the address residents reach the web app at; the QR codes of the public duty lists hold it. */
  readonly publicBaseUrl: string;
  /** PUBLIC_RATE_LIMIT: requests per minute one client address may make to the public (token-free) endpoints, per process. */
  readonly publicRateLimit: number;
  /** PUBLIC_CACHE_TTL: how long a process answers a township's public list from memory before asking the read side again. */
  readonly publicCacheMs: number;
  /**
   * ASSESSMENT_WEIGHTS: the weights of the departments' 0–100 score (docs/assessment.md), as JSON naming
   * all six parts, e.g. `{"acceptedOnTime":15,"arrivedOnTime":15,"resolvedOnTime":15,"resolution":15,"rating":25,"satisfaction":15}`;
   * the townships' rating (rating + satisfaction) weighs at least 30%.
   */
  readonly assessmentWeights: AssessmentWeights;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function nonEmpty(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  return value;
}

function duration(name: string, raw: string): number {
  const ms = parseDuration(raw);
  if (ms === undefined) throw new ConfigError(`${name} must be a duration like 2s, 15m, 3d (got "${raw}")`);
  return ms;
}

/** Whole days (`10`), or a duration (`5s`, `2h`: tests). */
function decisionDelay(env: Env, name: string, fallbackDays: number): { days: number } | { ms: number } {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return { days: fallbackDays };
  if (/^\d+$/.test(raw)) return { days: integer(env, name, fallbackDays, 1, 365) };
  const ms = parseDuration(raw);
  if (ms === undefined) throw new ConfigError(`${name} must be whole days (10) or a duration like 5s, 2h (got "${raw}")`);
  return { ms };
}

/** Comma-separated whole days (e.g. `14,3`), returned largest first without repeats. */
function dayList(env: Env, name: string, fallback: string): number[] {
  const raw = nonEmpty(env, name) ?? fallback;
  const days = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map(Number);
  if (days.length === 0 || days.some((day) => !Number.isInteger(day) || day < 0 || day > 3650)) {
    throw new ConfigError(`${name} must be comma-separated whole days from 0 to 3650 (e.g. 14,3), got "${raw}"`);
  }
  return [...new Set(days)].sort((a, b) => b - a);
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function trustProxy(env: Env): false | number | string {
  const raw = nonEmpty(env, 'TRUST_PROXY');
  if (raw === undefined || raw === 'false' || raw === '0') return false;
  if (/^\d+$/.test(raw)) return integer(env, 'TRUST_PROXY', 0, 0, 100);
  const entries = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address = '', bits, ...rest] = entry.split('/');
    const family = isIP(address);
    const prefixOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (!PROXY_NAMES.has(entry) && (family === 0 || !prefixOk || rest.length > 0))
      throw new ConfigError(`TRUST_PROXY must be a hop count or addresses, subnets, loopback, linklocal, uniquelocal (got "${entry}")`);
  }
  return entries.join(',');
}

/** An http(s) address without a trailing slash (paths are appended to it). */
function baseUrl(env: Env, name: string, fallback: string): string {
  const raw = url(name, nonEmpty(env, name), ['http:', 'https:']) ?? fallback;
  return raw.replace(/\/+$/, '');
}

function url(name: string, raw: string | undefined, protocols: string[]): string | undefined {
  if (raw === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL`);
  }
  if (!protocols.includes(parsed.protocol)) throw new ConfigError(`${name} must start with ${protocols.map((p) => p + '//').join(' or ')}`);
  return raw;
}

function assessmentWeights(env: Env): AssessmentWeights {
  const raw = nonEmpty(env, 'ASSESSMENT_WEIGHTS');
  if (raw === undefined) return { ...DEFAULT_ASSESSMENT_WEIGHTS };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new ConfigError(
      'ASSESSMENT_WEIGHTS must be a JSON object naming acceptedOnTime, arrivedOnTime, resolvedOnTime, resolution, rating, satisfaction',
    );
  }
  const parsed = parseAssessmentWeights(json);
  if (!parsed.ok) throw new ConfigError(`ASSESSMENT_WEIGHTS: ${parsed.error.map((e) => `${e.field} ${e.message}`).join('; ')}`);
  return parsed.value;
}

function workingTime(env: Env): WorkingTimeConfig {
  try {
    return loadWorkingTime(env);
  } catch (error) {
    if (error instanceof WorkingTimeConfigError) throw new ConfigError(error.message);
    throw error;
  }
}

export function loadAppConfig(env: Env = process.env): AppConfig {
  const dataDir = resolve(nonEmpty(env, 'DATA_DIR') ?? './data');
  const databaseUrl = url('DATABASE_URL', nonEmpty(env, 'DATABASE_URL'), ['postgres:', 'postgresql:']);
  const redisUrl = url('REDIS_URL', nonEmpty(env, 'REDIS_URL'), [...REDIS_URL_PROTOCOLS]);
  if (redisUrl !== undefined) {
    try {
      ioredisAddress(redisUrl);
    } catch (error) {
      throw new ConfigError(`REDIS_URL: ${(error as Error).message}`);
    }
  }
  const steps = (nonEmpty(env, 'REMINDER_STEPS') ?? '3d,7d')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const seed = nonEmpty(env, 'SEED_DEMO');
  const port = integer(env, 'PORT', 3000, 0, 65535);
  return {
    port,
    dataDir,
    database: databaseUrl
      ? { kind: 'postgres', url: databaseUrl, poolSize: integer(env, 'DATABASE_POOL_SIZE', 10, 1, 500) }
      : { kind: 'embedded', dir: resolve(dataDir, 'pglite') },
    redis: redisUrl ? { kind: 'external', url: redisUrl } : { kind: 'launch', dir: resolve(dataDir, 'redis') },
    adminPassword: nonEmpty(env, 'ADMIN_PASSWORD'),
    jwtSecret: nonEmpty(env, 'JWT_SECRET'),
    reminderStepsMs: steps.map((s) => duration('REMINDER_STEPS', s)),
    reminderRepeatMs: duration('REMINDER_REPEAT', nonEmpty(env, 'REMINDER_REPEAT') ?? '7d'),
    reminderCoalesceMs: duration('REMINDER_COALESCE', nonEmpty(env, 'REMINDER_COALESCE') ?? '10m'),
    webhookUrl: url('WEBHOOK_URL', nonEmpty(env, 'WEBHOOK_URL'), ['http:', 'https:']),
    webhookSecret: nonEmpty(env, 'WEBHOOK_SECRET'),
    smtpUrl: url('SMTP_URL', nonEmpty(env, 'SMTP_URL'), ['smtp:', 'smtps:']),
    mailFrom: nonEmpty(env, 'MAIL_FROM') ?? 'fangquan@localhost',
    dingtalkWebhookUrl: url('DINGTALK_WEBHOOK_URL', nonEmpty(env, 'DINGTALK_WEBHOOK_URL'), ['http:', 'https:']),
    dingtalkSecret: nonEmpty(env, 'DINGTALK_SECRET'),
    wecomWebhookUrl: url('WECOM_WEBHOOK_URL', nonEmpty(env, 'WECOM_WEBHOOK_URL'), ['http:', 'https:']),
    robotIntervalMs: duration('ROBOT_INTERVAL', nonEmpty(env, 'ROBOT_INTERVAL') ?? '3200ms'),
    reminderLinkBaseUrl: nonEmpty(env, 'PUBLIC_BASE_URL') === undefined ? undefined : baseUrl(env, 'PUBLIC_BASE_URL', ''),
    certificateNoticeDays: integer(env, 'CERTIFICATE_NOTICE_DAYS', 180, 1, 3650),
    decisionReminder: decisionDelay(env, 'DECISION_REMINDER_DAYS', 10),
    unansweredNoticeDays: dayList(env, 'UNANSWERED_NOTICE_DAYS', '14,3'),
    deliveryAttempts: integer(env, 'DELIVERY_ATTEMPTS', 8, 1, 100),
    deliveryBackoffMs: duration('DELIVERY_BACKOFF', nonEmpty(env, 'DELIVERY_BACKOFF') ?? '30s'),
    webhookTimeoutMs: duration('WEBHOOK_TIMEOUT', nonEmpty(env, 'WEBHOOK_TIMEOUT') ?? '5s'),
    mailTo: (nonEmpty(env, 'MAIL_TO') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    sweepCron: nonEmpty(env, 'REMINDER_SWEEP_CRON') ?? '5 0 * * *',
    // Demo data only ever goes into the embedded default, never into a production database.
    seedDemo: !databaseUrl && seed !== '0' && seed !== 'false',
    timeZone: nonEmpty(env, 'TZ_COUNTY') ?? 'Asia/Shanghai',
    ...workingTime(env),
    logLevel: nonEmpty(env, 'LOG_LEVEL') ?? 'info',
    queuePrefix: nonEmpty(env, 'QUEUE_PREFIX') ?? 'fangquan',
    trustProxy: trustProxy(env),
    publicBaseUrl: baseUrl(env, 'PUBLIC_BASE_URL', `http://localhost:${port}`),
    publicRateLimit: integer(env, 'PUBLIC_RATE_LIMIT', 600, 1, 100_000_000),
    publicCacheMs: duration('PUBLIC_CACHE_TTL', nonEmpty(env, 'PUBLIC_CACHE_TTL') ?? '1s'),
    assessmentWeights: assessmentWeights(env),
  };
}

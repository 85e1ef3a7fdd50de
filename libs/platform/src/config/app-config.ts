import { resolve } from 'node:path';
import { parseDuration } from './duration';

/** Everything the processes read from the environment, parsed and checked once at start. */
export interface AppConfig {
  readonly port: number;
  readonly dataDir: string;
  /** `embedded`: PGlite in DATA_DIR; `postgres`: DATABASE_URL. */
  readonly database: { readonly kind: 'embedded'; readonly dir: string } | { readonly kind: 'postgres'; readonly url: string; readonly poolSize: number };
  /** `launch`: start a private redis-server; `external`: REDIS_URL. */
  readonly redis: { readonly kind: 'launch'; readonly dir: string } | { readonly kind: 'external'; readonly url: string };
  readonly adminPassword: string | undefined;
  readonly jwtSecret: string | undefined;
  readonly reminderStepsMs: readonly number[];
  readonly reminderRepeatMs: number;
  readonly webhookUrl: string | undefined;
  readonly webhookSecret: string | undefined;
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  readonly certificateNoticeDays: number;
  readonly seedDemo: boolean;
  readonly timeZone: string;
  readonly logLevel: string;
  /** Prefix of every BullMQ key in Redis: several deployments (or test apps) can share one Redis. */
  readonly queuePrefix: string;
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
  if (!Number.isInteger(value) || value < min || value > max) throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  return value;
}

function duration(name: string, raw: string): number {
  const ms = parseDuration(raw);
  if (ms === undefined) throw new ConfigError(`${name} must be a duration like 2s, 15m, 3d (got "${raw}")`);
  return ms;
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

export function loadAppConfig(env: Env = process.env): AppConfig {
  const dataDir = resolve(nonEmpty(env, 'DATA_DIR') ?? './data');
  const databaseUrl = url('DATABASE_URL', nonEmpty(env, 'DATABASE_URL'), ['postgres:', 'postgresql:']);
  const redisUrl = url('REDIS_URL', nonEmpty(env, 'REDIS_URL'), ['redis:', 'rediss:']);
  const steps = (nonEmpty(env, 'REMINDER_STEPS') ?? '3d,7d').split(',').map((s) => s.trim()).filter(Boolean);
  const seed = nonEmpty(env, 'SEED_DEMO');
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    dataDir,
    database: databaseUrl
      ? { kind: 'postgres', url: databaseUrl, poolSize: integer(env, 'DATABASE_POOL_SIZE', 10, 1, 500) }
      : { kind: 'embedded', dir: resolve(dataDir, 'pglite') },
    redis: redisUrl ? { kind: 'external', url: redisUrl } : { kind: 'launch', dir: resolve(dataDir, 'redis') },
    adminPassword: nonEmpty(env, 'ADMIN_PASSWORD'),
    jwtSecret: nonEmpty(env, 'JWT_SECRET'),
    reminderStepsMs: steps.map((s) => duration('REMINDER_STEPS', s)),
    reminderRepeatMs: duration('REMINDER_REPEAT', nonEmpty(env, 'REMINDER_REPEAT') ?? '7d'),
    webhookUrl: url('WEBHOOK_URL', nonEmpty(env, 'WEBHOOK_URL'), ['http:', 'https:']),
    webhookSecret: nonEmpty(env, 'WEBHOOK_SECRET'),
    smtpUrl: url('SMTP_URL', nonEmpty(env, 'SMTP_URL'), ['smtp:', 'smtps:']),
    mailFrom: nonEmpty(env, 'MAIL_FROM') ?? 'fangquan@localhost',
    certificateNoticeDays: integer(env, 'CERTIFICATE_NOTICE_DAYS', 180, 1, 3650),
    // Demo data only ever goes into the embedded default, never into a production database.
    seedDemo: !databaseUrl && seed !== '0' && seed !== 'false',
    timeZone: nonEmpty(env, 'TZ_COUNTY') ?? 'Asia/Shanghai',
    logLevel: nonEmpty(env, 'LOG_LEVEL') ?? 'info',
    queuePrefix: nonEmpty(env, 'QUEUE_PREFIX') ?? 'fangquan',
  };
}

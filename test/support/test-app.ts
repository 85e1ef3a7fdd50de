import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { type AppConfig, type Clock, dataSourceOptions, loadAppConfig } from '@fangquan/platform';
import { applicationSchema } from '@fangquan/read-models';
import { ApiModule } from '../../apps/api/src/api.module';
import type { LoginRateLimit } from '../../apps/api/src/auth/auth.module';
import { configureHttpApp } from '../../apps/api/src/configure-http-app';

/** The bootstrap admin every test app starts with. */
export const TEST_ADMIN = { username: 'admin', password: 'admin-password-1' } as const;

export interface StartTestAppOptions {
  /** Environment on top of the test defaults (see `startTestApp`). */
  readonly env?: Record<string, string | undefined>;
  /** A ManualClock to set the time; the system clock otherwise. */
  readonly clock?: Clock;
  /** Login attempts per IP and username; the production default (10 per minute) otherwise. */
  readonly loginRateLimit?: LoginRateLimit;
  /** Run the projections and reminder workers in the app (default true). */
  readonly withWorker?: boolean;
  /** Listen on this port (a free one otherwise): for settings that name the app's own address, like PUBLIC_BASE_URL. */
  readonly port?: number;
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Requests with `Authorization: Bearer <token>` already set. */
export type AuthorizedClient = Record<Method, (path: string) => request.Test>;

export interface TestApp {
  readonly app: NestExpressApplication;
  /** `http://127.0.0.1:<port>`; paths start with `/api/v1/...`. */
  readonly baseUrl: string;
  /** A supertest agent on the running server. */
  readonly http: InstanceType<typeof request.agent>;
  readonly config: AppConfig;
  /** The application's own DataSource (for looking into tables in assertions). */
  readonly dataSource: DataSource;
  readonly databaseUrl: string;
  /** Logs in and returns the access token (cached per username and password: rate limits stay out of the way). */
  login(username: string, password: string): Promise<string>;
  /** Requests authorized with `token`. */
  as(token: string): AuthorizedClient;
  /** `as(await login(username, password))`. */
  loginAs(username: string, password: string): Promise<AuthorizedClient>;
  /** Stops the app and drops its database. */
  close(): Promise<void>;
}

function serverUrl(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function onServer<T>(testDatabaseUrl: string, run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl(testDatabaseUrl, 'postgres') });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function migrate(databaseUrl: string): Promise<void> {
  const dataSource = new DataSource(dataSourceOptions({ kind: 'postgres', url: databaseUrl, poolSize: 1 }, applicationSchema));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'all' });
  } finally {
    await dataSource.destroy();
  }
}

/** A database of the test server with every migration run, for the test apps' databases to be copied from; its name. */
export async function createMigratedTemplate(testDatabaseUrl: string): Promise<string> {
  const template = 'fangquan_migrated';
  await onServer(testDatabaseUrl, (client) => client.query(`CREATE DATABASE ${template}`));
  await migrate(serverUrl(testDatabaseUrl, template));
  return template;
}

/**
 * Starts the real API (with workers) on a fresh PostgreSQL database of the test server, on
 * 127.0.0.1 and a free port. One per test file: `beforeAll(() => startTestApp())`, `afterAll(close)`.
 */
export async function startTestApp(options: StartTestAppOptions = {}): Promise<TestApp> {
  const testDatabaseUrl = process.env.TEST_DATABASE_URL;
  const testRedisUrl = process.env.TEST_REDIS_URL;
  if (!testDatabaseUrl || !testRedisUrl)
    throw new Error('TEST_DATABASE_URL / TEST_REDIS_URL are not set: run through vitest (the int project starts them)');
  const database = `fangquan_e2e_${randomBytes(6).toString('hex')}`;
  const databaseUrl = serverUrl(testDatabaseUrl, database);
  const dataDir = mkdtempSync(join(tmpdir(), 'fangquan-e2e-'));
  const template = process.env.TEST_TEMPLATE_DATABASE;
  await onServer(testDatabaseUrl, (client) => client.query(`CREATE DATABASE ${database}${template ? ` TEMPLATE ${template}` : ''}`));
  const dropDatabase = async (): Promise<void> => {
    await onServer(testDatabaseUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    rmSync(dataDir, { recursive: true, force: true });
  };

  let app: NestExpressApplication | undefined;
  try {
    if (!template) await migrate(databaseUrl);
    const config = loadAppConfig({
      DATABASE_URL: databaseUrl,
      REDIS_URL: testRedisUrl,
      ADMIN_PASSWORD: TEST_ADMIN.password,
      JWT_SECRET: 'test-secret',
      DATA_DIR: dataDir,
      REMINDER_STEPS: '2s,4s',
      REMINDER_REPEAT: '4s',
      // Each test app gets its own queues in the shared test Redis.
      QUEUE_PREFIX: `fq-${database}`,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
      ...options.env,
    });
    const nest = await NestFactory.create<NestExpressApplication>(
      ApiModule.forRoot({
        config,
        redisUrl: testRedisUrl,
        withWorker: options.withWorker ?? true,
        clock: options.clock,
        // Specs log in many users from one address; those that test the throttling set their own limits.
        loginRateLimit: options.loginRateLimit ?? { limit: 10, windowMs: 60_000, perAddressLimit: 1_000 },
      }),
      { bufferLogs: true },
    );
    app = nest;
    configureHttpApp(nest);
    await nest.listen(options.port ?? 0, '127.0.0.1');
    const { port } = nest.getHttpServer().address() as AddressInfo;
    const baseUrl = `http://127.0.0.1:${port}`;

    const tokens = new Map<string, Promise<string>>();
    const fetchToken = async (username: string, password: string): Promise<string> => {
      const response = await request(baseUrl).post('/api/v1/auth/login').send({ username, password });
      if (response.status !== 200) throw new Error(`login as ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
      return (response.body as { accessToken: string }).accessToken;
    };
    const login = (username: string, password: string): Promise<string> => {
      const key = `${username.toLowerCase()}\u0000${password}`;
      let token = tokens.get(key);
      if (!token) {
        token = fetchToken(username, password);
        tokens.set(key, token);
        token.catch(() => tokens.delete(key));
      }
      return token;
    };
    const as = (token: string): AuthorizedClient => {
      const authorized = (method: Method) => (path: string) => request(baseUrl)[method](path).set('Authorization', `Bearer ${token}`);
      return {
        get: authorized('get'),
        post: authorized('post'),
        put: authorized('put'),
        patch: authorized('patch'),
        delete: authorized('delete'),
      };
    };

    let closed = false;
    return {
      app: nest,
      baseUrl,
      http: request.agent(baseUrl),
      config,
      dataSource: nest.get(DataSource),
      databaseUrl,
      login,
      as,
      loginAs: async (username, password) => as(await login(username, password)),
      close: async () => {
        if (closed) return;
        closed = true;
        try {
          await nest.close();
        } finally {
          await dropDatabase();
        }
      },
    };
  } catch (error) {
    await app?.close().catch(() => undefined);
    await dropDatabase().catch(() => undefined);
    throw error;
  }
}

import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventStore } from '@fangquan/event-store';
import { dataSourceOptions, loadAppConfig, ManualClock, PlatformModule } from '@fangquan/platform';
import { applicationSchema, HandoverQueries, ReadModelFreshness, ReadModelsModule, TeamQueries } from '@fangquan/read-models';
import { EventStoreModule } from '../../libs/ledger/src/event-store.provider';
import { TestLedger } from './support/ledger';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { COUNTY, readSide, START } from './support/zhanyi-world';

/** A process of the application in miniature: platform, database, event store, read models. */
@Module({})
class ReadProcessModule {
  static forRoot(databaseUrl: string, clock: ManualClock, runProjections: boolean): DynamicModule {
    const config = loadAppConfig({
      DATABASE_URL: databaseUrl,
      REDIS_URL: process.env.TEST_REDIS_URL,
      LOG_LEVEL: 'silent',
      TZ_COUNTY: 'Asia/Shanghai',
    });
    return {
      module: ReadProcessModule,
      imports: [
        PlatformModule.forRoot({ config, redisUrl: process.env.TEST_REDIS_URL ?? '', clock }),
        TypeOrmModule.forRoot(dataSourceOptions({ kind: 'postgres', url: databaseUrl, poolSize: 3 }, applicationSchema)),
        EventStoreModule,
        ReadModelsModule.forRoot({ runProjections }),
      ],
    };
  }
}

const settled = async (promise: Promise<void>, withinMs: number): Promise<boolean> =>
  Promise.race([promise.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), withinMs))]);

describe('read-your-writes: ReadModelFreshness.waitFor', () => {
  let database: TestDatabase;
  const clock = new ManualClock(new Date(START));
  let worker: INestApplicationContext | undefined;
  let api: INestApplicationContext;
  let ledger: TestLedger;

  const formTeam = async (): Promise<{ teamId: string; position: string }> => {
    const teamId = randomUUID();
    const { lastGlobalPosition } = await ledger.team(COUNTY, teamId, {
      type: 'FormTeam',
      data: { teamId, countyId: COUNTY, townshipId: randomUUID(), townshipName: '盘江镇' },
    });
    return { teamId, position: lastGlobalPosition };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    worker = await NestFactory.createApplicationContext(ReadProcessModule.forRoot(database.url, clock, true), { logger: false });
    await worker.init();
    api = await NestFactory.createApplicationContext(ReadProcessModule.forRoot(database.url, clock, false), { logger: false });
    await api.init();
    ledger = new TestLedger(api.get(EventStore), clock);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await database?.drop();
  });

  it('returns once the local runner has projected the write', async () => {
    const { teamId, position } = await formTeam();
    await worker?.get(ReadModelFreshness).waitFor(position);
    expect(await worker?.get(TeamQueries).get(teamId)).toMatchObject({ id: teamId, townshipName: '盘江镇', version: 1 });
  });

  it('returns once a runner of another process has projected the write', async () => {
    const { teamId, position } = await formTeam();
    await api.get(ReadModelFreshness).waitFor(position);
    expect(await api.get(TeamQueries).get(teamId)).toMatchObject({ id: teamId, version: 1 });
  });

  it('stops the runner on shutdown and waits until some runner has handled the write', async () => {
    await worker?.close();
    worker = undefined;
    const { teamId, position } = await formTeam();
    const waiting = api.get(ReadModelFreshness).waitFor(position, 10_000);
    expect(await settled(waiting, 400)).toBe(false);
    expect(await api.get(TeamQueries).get(teamId)).toBeNull();

    const elsewhere = readSide(await database.open(), clock);
    await elsewhere.runner.catchUp();
    expect(await settled(waiting, 2000)).toBe(true);
    expect(await api.get(TeamQueries).get(teamId)).toMatchObject({ id: teamId });
  });

  it('gives up after the timeout without throwing', async () => {
    const { teamId, position } = await formTeam();
    const started = Date.now();
    await expect(api.get(ReadModelFreshness).waitFor(position, 250)).resolves.toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
    expect(await api.get(TeamQueries).get(teamId)).toBeNull();
    expect(await api.get(HandoverQueries).openHandovers()).toEqual([]);
  });
});

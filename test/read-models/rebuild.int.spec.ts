import { randomUUID } from 'node:crypto';
import { rebuildReadModels } from '@fangquan/read-models';
import { TIME_ZONE } from './support/ledger';
import { dumpReadTables } from './support/read-tables';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { buildZhanyiWorld, catalogue, COUNTY, officers, readSide, type ReadSide, type ZhanyiWorld } from './support/zhanyi-world';

describe('rebuilding the read models', () => {
  let database: TestDatabase;
  let side: ReadSide;
  let world: ZhanyiWorld;

  beforeAll(async () => {
    database = await createTestDatabase();
    side = readSide(await database.open());
    world = await buildZhanyiWorld(side);
    // Some history: acceptance, a contest, a revision, a recall, staff changes.
    await side.ledger.handover(COUNTY, world.littering, { type: 'AcceptHandover', data: { conditional: false, gaps: [] } });
    await side.runner.catchUp();
    const unlicensed = await side.handovers.get(world.unlicensed);
    await side.ledger.handover(COUNTY, world.unlicensed, {
      type: 'ContestHandover',
      data: { reason: '培训未到位', gaps: unlicensed?.readiness.gaps ?? [] },
    });
    await side.ledger.power(COUNTY, 'CF-CG-0001', {
      type: 'RevisePowerRequirements',
      data: { requirements: { ...catalogue.littering().requirements, equipment: [{ kind: 'body-camera', quantity: 3 }] } },
    });
    side.clock.set('2025-09-15T03:00:00Z');
    await side.ledger.team(COUNTY, world.xiping, { type: 'RemoveOfficer', data: { officerId: officers.zhangWei.officerId } });
    await side.ledger.handover(COUNTY, world.road, { type: 'RevokeHandover', data: { reason: '承接不了，收回' } });
    await side.ledger.team(COUNTY, world.xiping, { type: 'AddOfficer', data: officers.wangQiang });
    await side.ledger.team(COUNTY, world.xiping, {
      type: 'RecordTraining',
      data: {
        trainingId: randomUUID(),
        officerId: officers.wangQiang.officerId,
        course: '市容环卫执法实务',
        hours: 4,
        completedOn: '2025-09-10',
      },
    });
    await side.runner.catchUp();
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('gives byte-identical read tables', async () => {
    const before = await dumpReadTables(side.dataSource);
    expect(before).toContain(world.road);
    const outcome = await rebuildReadModels(side.dataSource, side.clock, TIME_ZONE);
    const [{ count }] = (await side.dataSource.query('SELECT count(*)::int AS count FROM events')) as [{ count: number }];
    expect(outcome).toEqual({ events: count, powerItems: 3, teams: 2, handovers: 4 });
    expect(await dumpReadTables(side.dataSource)).toBe(before);
  });

  it('gives the same tables whatever the batch size (one event per batch: every row read and written per event)', async () => {
    const before = await dumpReadTables(side.dataSource);
    await rebuildReadModels(side.dataSource, side.clock, TIME_ZONE, { batchSize: 1 });
    expect(await dumpReadTables(side.dataSource)).toBe(before);
  });

  it('gives byte-identical tables on a later day too, once the daily sweep has run (revoked handovers stay frozen)', async () => {
    // 李娜's certificate lapsed on 2026-11-30.
    side.clock.set('2026-12-02T01:00:00Z');
    expect((await side.refresher.refreshAll()).changed).toBeGreaterThan(0);
    const before = await dumpReadTables(side.dataSource);
    await rebuildReadModels(side.dataSource, side.clock, TIME_ZONE);
    expect(await dumpReadTables(side.dataSource)).toBe(before);
  });

  it('gives the same tables while a runner of another process keeps running', async () => {
    const before = await dumpReadTables(side.dataSource);
    const other = readSide(await database.open(), side.clock);
    other.runner.start();
    try {
      await rebuildReadModels(side.dataSource, side.clock, TIME_ZONE, { batchSize: 3 });
      await other.runner.catchUp();
    } finally {
      await other.runner.stop();
    }
    expect(await dumpReadTables(side.dataSource)).toBe(before);
  });
});

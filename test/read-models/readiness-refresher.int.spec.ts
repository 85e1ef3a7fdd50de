import type { Gap } from '@fangquan/domain';
import { lockReadModels } from '../../libs/read-models/src/projection/read-models.lock';
import { dumpReadTables } from './support/read-tables';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { buildZhanyiWorld, COUNTY, officers, readSide, type ReadSide, type ZhanyiWorld } from './support/zhanyi-world';

describe('the readiness sweep', () => {
  let database: TestDatabase;
  let side: ReadSide;
  let world: ZhanyiWorld;

  beforeAll(async () => {
    database = await createTestDatabase();
    side = readSide(await database.open());
    world = await buildZhanyiWorld(side);
    await side.ledger.handover(COUNTY, world.road, { type: 'RevokeHandover', data: { reason: '收回' } });
    await side.runner.catchUp();
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('opens the officers gap once a certificate has lapsed with the calendar', async () => {
    expect((await side.handovers.get(world.littering))?.readiness).toEqual({ ready: true, gaps: [] });
    const revokedBefore = await side.handovers.get(world.road);

    // 李娜's certificate is valid through 2026-11-30; no event marks the day it lapses.
    side.clock.set('2026-12-01T02:00:00Z');
    expect((await side.handovers.get(world.littering))?.readiness.ready).toBe(true);
    const outcome = await side.refresher.refreshAll();

    expect(outcome).toEqual({ checked: 3, changed: 2, today: '2026-12-01' });
    const lapsed: Gap[] = [
      { resource: 'officers', item: 'certified-officer', required: 2, available: 1, missing: 1, responsible: 'county-office' },
      { resource: 'training', item: '市容环卫执法实务', required: 2, available: 1, missing: 1, responsible: 'county-office' },
    ];
    expect((await side.handovers.get(world.littering))?.readiness).toEqual({ ready: false, gaps: lapsed });
    expect((await side.handovers.get(world.unlicensed))?.readiness.gaps).toContainEqual(
      expect.objectContaining({ resource: 'officers', missing: 1 }),
    );
    expect((await side.handovers.get(world.dongshanLittering))?.readiness).toEqual({ ready: true, gaps: [] });
    // Revoked handovers are left as they were; versions and times are the log's, not the sweep's.
    expect(await side.handovers.get(world.road)).toEqual(revokedBefore);
    expect((await side.handovers.get(world.littering))?.updatedAt).toBe('2025-06-01T02:00:00.000Z');
  });

  it('changes nothing when run again the same day', async () => {
    const before = await dumpReadTables(side.dataSource);
    expect(await side.refresher.refreshAll()).toEqual({ checked: 3, changed: 0, today: '2026-12-01' });
    expect(await dumpReadTables(side.dataSource)).toBe(before);
  });

  it('takes the projection’s lock: no batch of any process runs while it holds it', async () => {
    await side.ledger.team(COUNTY, world.dongshan, { type: 'ReceiveEquipment', data: { kind: 'vehicle', quantity: 1 } });
    const runner = side.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await lockReadModels(runner.manager);
      expect(await side.runner.runBatch()).toEqual({ kind: 'busy' });
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    expect(await side.runner.runBatch()).toMatchObject({ kind: 'handled', count: 1 });
  });

  it('is safe to run while the projection runs', async () => {
    const projecting = readSide(await database.open(), side.clock);
    projecting.runner.start();
    try {
      const writes = (async () => {
        for (let round = 0; round < 6; round += 1) {
          await side.ledger.team(COUNTY, world.xiping, { type: 'RemoveOfficer', data: { officerId: officers.zhangWei.officerId } });
          await side.ledger.team(COUNTY, world.xiping, { type: 'AddOfficer', data: officers.zhangWei });
        }
        await side.ledger.team(COUNTY, world.xiping, { type: 'RemoveOfficer', data: { officerId: officers.zhangWei.officerId } });
      })();
      const sweeps = (async () => {
        for (let sweep = 0; sweep < 6; sweep += 1) await side.refresher.refreshAll();
      })();
      await Promise.all([writes, sweeps]);
      await projecting.runner.catchUp();
    } finally {
      await projecting.runner.stop();
    }
    // Whatever interleaving happened, the rows agree with a fresh assessment of the final state.
    expect((await side.refresher.refreshAll()).changed).toBe(0);
    expect((await side.handovers.get(world.littering))?.readiness.gaps).toContainEqual(
      expect.objectContaining({ resource: 'officers', available: 0, missing: 2 }),
    );
  });
});

import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { buildZhanyiWorld, catalogue, COUNTY, readSide, type ReadSide, URBAN_MANAGEMENT, type ZhanyiWorld } from './support/zhanyi-world';

describe('HandoverQueries.list', () => {
  const OTHER_COUNTY = 'county-qilin'; // 麒麟区
  let database: TestDatabase;
  let side: ReadSide;
  let world: ZhanyiWorld;
  let otherCountyHandover: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    side = readSide(await database.open());
    world = await buildZhanyiWorld(side);
    // The same power and a team in another county: never visible from Zhanyi.
    const team = randomUUID();
    otherCountyHandover = randomUUID();
    await side.ledger.power(OTHER_COUNTY, 'CF-CG-0001', {
      type: 'RegisterPowerItem',
      data: { ...catalogue.littering(), countyId: OTHER_COUNTY },
    });
    await side.ledger.team(OTHER_COUNTY, team, {
      type: 'FormTeam',
      data: { teamId: team, countyId: OTHER_COUNTY, townshipId: randomUUID(), townshipName: '茨营镇' },
    });
    side.clock.set('2025-06-02T02:00:00Z');
    await side.ledger.handover(OTHER_COUNTY, otherCountyHandover, {
      type: 'RecordHandover',
      data: {
        handoverId: otherCountyHandover,
        countyId: OTHER_COUNTY,
        powerCode: 'CF-CG-0001',
        powerCategory: 'penalty',
        teamId: team,
        townshipId: randomUUID(),
        department: URBAN_MANAGEMENT,
        mode: 'transfer',
        instrument: '麒政发〔2025〕5号',
        effectiveOn: '2025-07-01',
        committed: { officers: [], equipment: [], training: [] },
      },
    });
    await side.ledger.handover(COUNTY, world.dongshanLittering, { type: 'AcceptHandover', data: { conditional: false, gaps: [] } });
    await side.runner.catchUp();
  });

  afterAll(async () => {
    await database?.drop();
  });

  const ids = (items: { id: string }[]): string[] => items.map((item) => item.id);
  const byId = (...handovers: string[]): string[] => [...handovers].sort();

  it("lists one county's handovers, newest first, then by id", async () => {
    const page = await side.handovers.list({ countyId: COUNTY }, {}, { page: 1, pageSize: 50 });
    expect(page.total).toBe(4);
    // All four were recorded at the same instant: the id decides.
    expect(ids(page.items)).toEqual(byId(world.littering, world.unlicensed, world.road, world.dongshanLittering));
    expect(page.items.find((item) => item.id === world.road)).toMatchObject({
      powerName: '对擅自占用城市道路（占道经营）的处罚',
      townshipName: '西平街道',
    });
    expect(ids((await side.handovers.list({ countyId: OTHER_COUNTY }, {}, { page: 1, pageSize: 50 })).items)).toEqual([
      otherCountyHandover,
    ]);
  });

  it('pages', async () => {
    const all = ids((await side.handovers.list({ countyId: COUNTY }, {}, { page: 1, pageSize: 200 })).items);
    const first = await side.handovers.list({ countyId: COUNTY }, {}, { page: 1, pageSize: 3 });
    const second = await side.handovers.list({ countyId: COUNTY }, {}, { page: 2, pageSize: 3 });
    const third = await side.handovers.list({ countyId: COUNTY }, {}, { page: 3, pageSize: 3 });
    expect([first.total, second.total, third.total]).toEqual([4, 4, 4]);
    expect([...ids(first.items), ...ids(second.items)]).toEqual(all);
    expect(third.items).toEqual([]);
  });

  it('filters by status, team, readiness and township', async () => {
    const list = (filter: Parameters<ReadSide['handovers']['list']>[1], townshipId?: string) =>
      side.handovers.list({ countyId: COUNTY, ...(townshipId ? { townshipId } : {}) }, filter, { page: 1, pageSize: 50 });
    expect(ids((await list({ status: 'accepted' })).items)).toEqual([world.dongshanLittering]);
    expect((await list({ teamId: world.xiping })).total).toBe(3);
    expect(ids((await list({ ready: false })).items)).toEqual(byId(world.unlicensed, world.road));
    expect(ids((await list({ ready: true, teamId: world.xiping })).items)).toEqual([world.littering]);
    expect((await list({}, world.dongshanTownship)).total).toBe(1);
    expect((await list({ teamId: world.xiping }, world.dongshanTownship)).total).toBe(0);
  });

  it('orders by the time of recording', async () => {
    side.clock.set('2025-06-05T02:00:00Z');
    const later = randomUUID();
    await side.ledger.handover(COUNTY, later, {
      type: 'RecordHandover',
      data: {
        handoverId: later,
        countyId: COUNTY,
        powerCode: 'CF-SC-0006',
        powerCategory: 'penalty',
        teamId: world.dongshan,
        townshipId: world.dongshanTownship,
        department: '市场监管局',
        mode: 'transfer',
        instrument: '沾市监委〔2025〕9号',
        effectiveOn: '2025-07-01',
        committed: { officers: [], equipment: [], training: [] },
      },
    });
    await side.runner.catchUp();
    const page = await side.handovers.list({ countyId: COUNTY }, {}, { page: 1, pageSize: 2 });
    expect(page.total).toBe(5);
    expect(page.items[0]).toMatchObject({ id: later, townshipName: '东山乡', recordedAt: '2025-06-05T02:00:00.000Z' });
  });

  it('refuses pages out of range', async () => {
    await expect(side.handovers.list({ countyId: COUNTY }, {}, { page: 0, pageSize: 10 })).rejects.toThrow(RangeError);
    await expect(side.handovers.list({ countyId: COUNTY }, {}, { page: 1, pageSize: 201 })).rejects.toThrow(RangeError);
    await expect(side.handovers.list({ countyId: COUNTY }, {}, { page: 1, pageSize: 0 })).rejects.toThrow(RangeError);
  });
});

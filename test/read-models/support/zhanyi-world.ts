import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { EventStore, SubscriptionRunner } from '@fangquan/event-store';
import { ManualClock } from '@fangquan/platform';
import {
  HandoverQueries,
  HandoverView,
  PowerItemView,
  PowerQueries,
  ReadinessRefresher,
  ReadModelProjection,
  TeamQueries,
  TeamView,
} from '@fangquan/read-models';
import { catalogue, COUNTY, ECOLOGY, MARKET_REGULATION, officers, URBAN_MANAGEMENT } from '../../../libs/domain/src/testing/sample-data';
import { TestLedger, TIME_ZONE } from './ledger';

export { catalogue, COUNTY, ECOLOGY, MARKET_REGULATION, officers, URBAN_MANAGEMENT };

/** 2025-06-01 10:00 in Qujing (Asia/Shanghai). */
export const START = '2025-06-01T02:00:00Z';

/** Everything a read-model test works with, on one database. */
export interface ReadSide {
  readonly dataSource: DataSource;
  readonly clock: ManualClock;
  readonly store: EventStore;
  readonly ledger: TestLedger;
  readonly runner: SubscriptionRunner;
  readonly refresher: ReadinessRefresher;
  readonly powers: PowerQueries;
  readonly teams: TeamQueries;
  readonly handovers: HandoverQueries;
}

export function readSide(dataSource: DataSource, clock = new ManualClock(new Date(START))): ReadSide {
  const store = new EventStore(dataSource);
  const quiet = { warn: () => undefined, error: () => undefined };
  return {
    dataSource,
    clock,
    store,
    ledger: new TestLedger(store, clock),
    runner: new SubscriptionRunner(store, new ReadModelProjection(clock, TIME_ZONE, quiet), { batchSize: 7, logger: quiet }),
    refresher: new ReadinessRefresher(dataSource, clock, TIME_ZONE, 2),
    powers: new PowerQueries(dataSource.getRepository(PowerItemView)),
    teams: new TeamQueries(dataSource.getRepository(TeamView)),
    handovers: new HandoverQueries(dataSource.getRepository(HandoverView)),
  };
}

/** The ids of the world below. */
export interface ZhanyiWorld {
  readonly xiping: string;
  readonly dongshan: string;
  readonly xipingTownship: string;
  readonly dongshanTownship: string;
  /** 市容环卫 penalty to 西平街道: ready from the start. */
  readonly littering: string;
  /** 无照经营 penalty entrusted to 西平街道 with a seconded officer and training promised. */
  readonly unlicensed: string;
  /** 占道经营 penalty to 西平街道 with a vehicle promised. */
  readonly road: string;
  /** 市容环卫 penalty to 东山乡: ready from the start. */
  readonly dongshanLittering: string;
}

const TRAINED_ON = '2025-05-20';

/**
 * 曲靖市沾益区 with part of its sample catalogue, two township teams (西平街道: 张伟 and 李娜;
 * 东山乡: two officers of its own) and four handovers, all through the domain's deciders.
 */
export async function buildZhanyiWorld({ ledger }: ReadSide): Promise<ZhanyiWorld> {
  const world: ZhanyiWorld = {
    xiping: randomUUID(),
    dongshan: randomUUID(),
    xipingTownship: randomUUID(),
    dongshanTownship: randomUUID(),
    littering: randomUUID(),
    unlicensed: randomUUID(),
    road: randomUUID(),
    dongshanLittering: randomUUID(),
  };
  for (const item of [catalogue.littering(), catalogue.unlicensedPenalty(), catalogue.roadOccupation()]) {
    await ledger.power(COUNTY, item.code, { type: 'RegisterPowerItem', data: item });
  }

  await ledger.team(COUNTY, world.xiping, {
    type: 'FormTeam',
    data: { teamId: world.xiping, countyId: COUNTY, townshipId: world.xipingTownship, townshipName: '西平街道' },
  });
  for (const officer of [officers.zhangWei, officers.liNa]) {
    await ledger.team(COUNTY, world.xiping, { type: 'AddOfficer', data: officer });
  }
  await ledger.team(COUNTY, world.xiping, { type: 'ReceiveEquipment', data: { kind: 'body-camera', quantity: 2 } });
  for (const officer of [officers.zhangWei, officers.liNa]) {
    await ledger.team(COUNTY, world.xiping, {
      type: 'RecordTraining',
      data: { trainingId: randomUUID(), officerId: officer.officerId, course: '市容环卫执法实务', hours: 4, completedOn: TRAINED_ON },
    });
  }

  await ledger.team(COUNTY, world.dongshan, {
    type: 'FormTeam',
    data: { teamId: world.dongshan, countyId: COUNTY, townshipId: world.dongshanTownship, townshipName: '东山乡' },
  });
  const dongshanOfficers = [
    { officerId: 'officer-chen-jie', name: '陈杰', certificateNumber: '53030021000201', certificateExpiresOn: '2029-09-30' },
    { officerId: 'officer-liu-yang', name: '刘洋', certificateNumber: '53030021000202', certificateExpiresOn: '2029-09-30' },
  ];
  for (const officer of dongshanOfficers) {
    await ledger.team(COUNTY, world.dongshan, { type: 'AddOfficer', data: officer });
    await ledger.team(COUNTY, world.dongshan, {
      type: 'RecordTraining',
      data: { trainingId: randomUUID(), officerId: officer.officerId, course: '市容环卫执法实务', hours: 6, completedOn: TRAINED_ON },
    });
  }
  await ledger.team(COUNTY, world.dongshan, { type: 'ReceiveEquipment', data: { kind: 'body-camera', quantity: 3 } });

  const base = { countyId: COUNTY };
  await ledger.handover(COUNTY, world.littering, {
    type: 'RecordHandover',
    data: {
      ...base,
      handoverId: world.littering,
      powerCode: 'CF-CG-0001',
      powerCategory: 'penalty',
      teamId: world.xiping,
      townshipId: world.xipingTownship,
      department: URBAN_MANAGEMENT,
      mode: 'transfer',
      instrument: '沾政发〔2025〕12号',
      effectiveOn: '2025-07-01',
      committed: { officers: [], equipment: [], training: [] },
    },
  });
  await ledger.handover(COUNTY, world.unlicensed, {
    type: 'RecordHandover',
    data: {
      ...base,
      handoverId: world.unlicensed,
      powerCode: 'CF-SC-0006',
      powerCategory: 'penalty',
      teamId: world.xiping,
      townshipId: world.xipingTownship,
      department: MARKET_REGULATION,
      mode: 'entrustment',
      instrument: '沾市监委〔2025〕3号',
      effectiveOn: '2025-07-01',
      endsOn: '2027-06-30',
      committed: {
        officers: [
          {
            name: officers.wangQiang.name,
            certificateNumber: officers.wangQiang.certificateNumber,
            certificateExpiresOn: officers.wangQiang.certificateExpiresOn,
          },
        ],
        equipment: [],
        training: [{ course: '无证无照经营查处', hours: 8, scheduledOn: '2025-06-20' }],
        budgetYuan: 50000,
      },
    },
  });
  await ledger.handover(COUNTY, world.road, {
    type: 'RecordHandover',
    data: {
      ...base,
      handoverId: world.road,
      powerCode: 'CF-CG-0004',
      powerCategory: 'penalty',
      teamId: world.xiping,
      townshipId: world.xipingTownship,
      department: URBAN_MANAGEMENT,
      mode: 'transfer',
      instrument: '沾政发〔2025〕12号',
      effectiveOn: '2025-08-01',
      committed: { officers: [], equipment: [{ kind: 'vehicle', quantity: 1 }], training: [] },
    },
  });
  await ledger.handover(COUNTY, world.dongshanLittering, {
    type: 'RecordHandover',
    data: {
      ...base,
      handoverId: world.dongshanLittering,
      powerCode: 'CF-CG-0001',
      powerCategory: 'penalty',
      teamId: world.dongshan,
      townshipId: world.dongshanTownship,
      department: URBAN_MANAGEMENT,
      mode: 'transfer',
      instrument: '沾政发〔2025〕12号',
      effectiveOn: '2025-07-01',
      committed: { officers: [], equipment: [], training: [] },
    },
  });
  return world;
}

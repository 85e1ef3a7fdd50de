import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { ChainRecord } from '../../libs/reminders/src/chain/chain-record';
import { applyHandoverEvent } from '../../libs/reminders/src/chain/handover-facts';
import {
  type ChainSelection,
  LOCK_CHAINS_SQL,
  lockChains,
  lockChainsParameters,
  saveChains,
} from '../../libs/reminders/src/chain/chain-rows';
import { createTestDatabase, type TestDatabase } from '../read-models/support/test-database';

/**
 * The statement that locks a batch's reminder chains reads the chains the batch names, through the
 * indexes, however many chains the table holds: its cost must not grow with every handover ever
 * recorded. Planned by PostgreSQL as it plans it in production (default settings, statistics from
 * ANALYZE), on a table of 20,000 chains: 20 counties × 10 teams × 100 powers.
 */
const COUNTIES = 20;
const TEAMS = 10;
const POWERS = 100;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
}

function nodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(nodes)];
}

/** Rows of reminder_chains each scan node produced or threw away, over all its loops: what the statement read. */
function rowsRead(plan: PlanNode): number {
  return nodes(plan)
    .filter((node) => node['Relation Name'] === 'reminder_chains')
    .reduce(
      (sum, node) =>
        sum +
        ((node['Actual Rows'] ?? 0) + (node['Rows Removed by Filter'] ?? 0) + (node['Rows Removed by Index Recheck'] ?? 0)) *
          (node['Actual Loops'] ?? 1),
      0,
    );
}

/** A handover's chain as the process manager keeps it once the handover is recorded. */
function chain(countyId: string, teamId: string, powerCode: string): ChainRecord {
  const handoverId = randomUUID();
  const record = applyHandoverEvent(
    undefined,
    {
      type: 'HandoverRecorded',
      data: {
        handoverId,
        countyId,
        powerCode,
        powerCategory: 'penalty',
        teamId,
        townshipId: `township-${teamId}`,
        department: '城市管理局',
        mode: 'transfer',
        instrument: '沾政发〔2025〕12号',
        effectiveOn: '2026-01-01',
        committed: { officers: [], equipment: [], training: [] },
      },
    },
    1,
  );
  if (record === undefined) throw new Error('no chain for a recorded handover');
  return record;
}

describe('reminders: locking the chains of a batch on a table with history (PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const chains: ChainRecord[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await database.open(2);
    for (let county = 0; county < COUNTIES; county += 1)
      for (let team = 0; team < TEAMS; team += 1)
        for (let power = 0; power < POWERS; power += 1) chains.push(chain(`county-${county}`, `team-${county}-${team}`, `CF-${power}`));
    for (let start = 0; start < chains.length; start += 2000)
      await dataSource.transaction((tx) => saveChains(tx, chains.slice(start, start + 2000), new Date().toISOString()));
    await dataSource.query('ANALYZE reminder_chains');
  });

  afterAll(async () => {
    await database?.drop();
  });

  /** The statement's plan, executed (EXPLAIN ANALYZE) in a transaction rolled back: its locks are released. */
  async function explain(selection: ChainSelection): Promise<PlanNode> {
    const parameters = lockChainsParameters(selection);
    if (parameters === null) throw new Error('the selection names no chain');
    const runner = dataSource.createQueryRunner();
    try {
      await runner.startTransaction();
      const [row] = (await runner.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${LOCK_CHAINS_SQL}`, parameters)) as {
        'QUERY PLAN': [{ Plan: PlanNode }];
      }[];
      if (!row) throw new Error('no plan');
      return row['QUERY PLAN'][0].Plan;
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  }

  const byId = (records: readonly ChainRecord[]) => records.map((record) => record.handoverId).sort();

  it("reads only a batch's own handovers, never the whole table", async () => {
    const ids = chains.slice(500, 510).map((record) => record.handoverId);
    const plan = await explain({ ids, teamIds: [], powers: [] });
    expect(nodes(plan).filter((node) => node['Node Type'] === 'Seq Scan' && node['Relation Name'] === 'reminder_chains')).toEqual([]);
    expect(rowsRead(plan)).toBeLessThanOrEqual(2 * ids.length);
  });

  it("reads only a team's chains and a power's chains beside the handovers", async () => {
    const selection: ChainSelection = {
      ids: chains.slice(0, 5).map((record) => record.handoverId),
      teamIds: ['team-3-4'],
      powers: [{ countyId: 'county-7', code: 'CF-42' }],
      partition: { index: 0, count: 2 },
    };
    const plan = await explain(selection);
    expect(nodes(plan).filter((node) => node['Node Type'] === 'Seq Scan' && node['Relation Name'] === 'reminder_chains')).toEqual([]);
    // 5 handovers, a team's 100 chains, a power's 10 (one per team of its county); each read twice at most (its branch, the lock).
    expect(rowsRead(plan)).toBeLessThanOrEqual(2 * (5 + POWERS + TEAMS));
  });

  it('locks exactly the chains the selection names, in its partition', async () => {
    const ids = chains.slice(0, 5).map((record) => record.handoverId);
    const expected = chains.filter(
      (record) =>
        ids.includes(record.handoverId) || record.teamId === 'team-3-4' || (record.countyId === 'county-7' && record.powerCode === 'CF-42'),
    );
    const locked = await dataSource.transaction((tx) =>
      lockChains(tx, { ids, teamIds: ['team-3-4'], powers: [{ countyId: 'county-7', code: 'CF-42' }] }),
    );
    expect(byId(locked)).toEqual(byId(expected));
    expect(locked.map((record) => record.handoverId)).toEqual(byId(expected));

    const [first, second] = [0, 1].map((index) => ({ index, count: 2 }));
    if (!first || !second) throw new Error('two partitions');
    const halves = await Promise.all(
      [first, second].map((partition) =>
        dataSource.transaction((tx) =>
          lockChains(tx, { ids, teamIds: ['team-3-4'], powers: [{ countyId: 'county-7', code: 'CF-42' }], partition }),
        ),
      ),
    );
    expect(halves[0]?.length).toBeGreaterThan(0);
    expect(halves[1]?.length).toBeGreaterThan(0);
    expect(byId(halves.flat())).toEqual(byId(expected));
    expect(await dataSource.transaction((tx) => lockChains(tx, { ids: [randomUUID()] }))).toEqual([]);
  });
});

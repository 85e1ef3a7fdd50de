/**
 * A database with history for the benchmarks: BENCH_HISTORY handovers (default 100,000; 0 for none)
 * recorded and accepted over the years in counties of 15 townships and 350 powers each, as the
 * ledger and the sweeps write them — every power registered, every team formed with its officers,
 * equipment and training, each handover recorded, accepted and activated on its effective date — appended through the event store's own
 * `appendOneEach` (one event on each of 1,000 streams per statement). The read tables are then filled
 * by the read-model projection itself (rebuildReadModels) and the reminder chains by the worker's
 * process managers when they start: every row is one the code wrote. The teams hold what their
 * powers require, so the history starts no reminder.
 *
 * Each benchmark runs on an empty database and then on one with this history, printing both, each
 * beside the machine baseline of its own run.
 */
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { type EventMetadata, EventStore, type SingleAppend } from '@fangquan/event-store';
import { ManualClock } from '@fangquan/platform';
import { READ_MODELS_SUBSCRIPTION, rebuildReadModels } from '@fangquan/read-models';
import { ALL_PARTITIONS, partitionSubscription } from '@fangquan/reminders';

const TOWNSHIPS_PER_COUNTY = 15;
const POWERS_PER_COUNTY = 350;
const CHUNK = 1000;
const TIME_ZONE = 'Asia/Shanghai';

/** BENCH_HISTORY: the handovers of the history (default 100,000). */
export function historySize(): number {
  const size = Number(process.env.BENCH_HISTORY ?? 100_000);
  if (!Number.isInteger(size) || size < 0) throw new RangeError(`BENCH_HISTORY must be a whole number, got ${process.env.BENCH_HISTORY}`);
  return size;
}

/** The runs of a benchmark: on an empty database, then (unless BENCH_HISTORY=0) on one with history. */
export function historyRuns(): number[] {
  const size = historySize();
  return size === 0 ? [0] : [0, size];
}

export function describeHistory(handovers: number): string {
  return handovers === 0 ? 'on an empty database' : `on a database holding ${handovers.toLocaleString('en')} handovers of history`;
}

interface HistoryCounty {
  readonly countyId: string;
  readonly teams: { readonly teamId: string; readonly townshipId: string; readonly townshipName: string }[];
  readonly powers: string[];
}

const REQUIREMENTS = {
  certifiedOfficers: 2,
  equipment: [{ kind: 'body-camera', quantity: 2 }],
  training: [{ course: '综合行政执法实务', hours: 8 }],
};

/** The day `n` days after 2023-01-01, as an ISO instant at 10:00 in the county. */
function dayOf(n: number): string {
  return new Date(Date.UTC(2023, 0, 1, 2) + n * 86_400_000).toISOString();
}

function metadata(countyId: string, occurredAt: string, correlationId = randomUUID()): EventMetadata {
  return { actor: `user:${countyId}-office`, countyId, correlationId, causationId: null, occurredAt };
}

/** Appends in chunks of one event per stream (the streams of a chunk all distinct). */
async function appendAll(store: EventStore, appends: readonly SingleAppend[]): Promise<void> {
  for (let start = 0; start < appends.length; start += CHUNK) await store.appendOneEach(appends.slice(start, start + CHUNK));
}

/** The counties, townships, powers and teams of the history's `handovers` (identity rows unless `eventsOnly`, and events). */
async function preloadCounties(
  dataSource: DataSource,
  store: EventStore,
  handovers: number,
  eventsOnly: boolean,
): Promise<HistoryCounty[]> {
  const counties: HistoryCounty[] = Array.from({ length: Math.ceil(handovers / (TOWNSHIPS_PER_COUNTY * POWERS_PER_COUNTY)) }, (_, c) => ({
    countyId: randomUUID(),
    teams: Array.from({ length: TOWNSHIPS_PER_COUNTY }, (_, t) => ({
      teamId: randomUUID(),
      townshipId: randomUUID(),
      townshipName: `历史${c + 1}县第${t + 1}镇`,
    })),
    powers: Array.from({ length: POWERS_PER_COUNTY }, (_, p) => `HIST-${String(p + 1).padStart(4, '0')}`),
  }));
  for (const [c, county] of counties.entries()) {
    if (eventsOnly) continue;
    await dataSource.query(`INSERT INTO counties (id, name, created_at) VALUES ($1, $2, $3)`, [
      county.countyId,
      `历史${c + 1}县`,
      dayOf(0),
    ]);
    await dataSource.query(
      `INSERT INTO townships (id, county_id, name, team_id, created_at)
       SELECT t.township_id, $1, t.name, t.team_id, $2 FROM unnest($3::uuid[], $4::text[], $5::uuid[]) AS t(township_id, name, team_id)`,
      [
        county.countyId,
        dayOf(0),
        county.teams.map((team) => team.townshipId),
        county.teams.map((team) => team.townshipName),
        county.teams.map((team) => team.teamId),
      ],
    );
  }
  const powers = counties.flatMap((county) =>
    county.powers.map((code, p): SingleAppend => ({
      streamId: `power-${county.countyId}-${code}`,
      expectedVersion: 0,
      event: {
        type: 'PowerItemRegistered',
        data: {
          countyId: county.countyId,
          code,
          name: `历史行政执法事项第${p + 1}项`,
          category: p % 5 === 0 ? 'inspection' : 'penalty',
          legalBasis: `《历史条例》第${p + 1}条`,
          department: p % 2 === 0 ? '城市管理局' : '市场监管局',
          requirements: REQUIREMENTS,
        },
      },
      metadata: metadata(county.countyId, dayOf(1)),
    })),
  );
  await appendAll(store, powers);
  // Each team: formed, two certified officers, two body cameras, each officer trained — one event per stream and statement.
  const teams = counties.flatMap((county) => county.teams.map((team) => ({ county, team, officers: [randomUUID(), randomUUID()] })));
  const teamEvents = (version: number, event: (entry: (typeof teams)[number]) => SingleAppend['event']): SingleAppend[] =>
    teams.map((entry) => ({
      streamId: `team-${entry.team.teamId}`,
      expectedVersion: version,
      event: event(entry),
      metadata: metadata(entry.county.countyId, dayOf(2 + version)),
    }));
  await appendAll(
    store,
    teamEvents(0, ({ county, team }) => ({
      type: 'TeamFormed',
      data: { teamId: team.teamId, countyId: county.countyId, townshipId: team.townshipId, townshipName: team.townshipName },
    })),
  );
  for (const [index, name] of ['李明', '张华'].entries())
    await appendAll(
      store,
      teamEvents(1 + index, ({ officers }) => ({
        type: 'OfficerJoined',
        data: {
          officerId: officers[index] ?? '',
          name,
          certificateNumber: `530300${String(index + 1).padStart(2, '0')}${(officers[index] ?? '').slice(0, 6)}`,
          certificateExpiresOn: '2099-12-31',
        },
      })),
    );
  await appendAll(
    store,
    teamEvents(3, () => ({ type: 'EquipmentReceived', data: { kind: 'body-camera', quantity: 2 } })),
  );
  for (const index of [0, 1])
    await appendAll(
      store,
      teamEvents(4 + index, ({ officers }) => ({
        type: 'TrainingCompleted',
        data: {
          trainingId: randomUUID(),
          officerId: officers[index] ?? '',
          course: '综合行政执法实务',
          hours: 8,
          completedOn: '2023-02-01',
        },
      })),
    );
  return counties;
}

/**
 * Writes the history of `handovers` handovers into a migrated application database, then projects it
 * into the read tables; the worker's process managers build the reminder chains when they start
 * (see waitForSubscriptions). `eventsOnly`: the log alone, for a database of the event store's tables
 * only. Returns the log's length.
 */
export async function preloadHistory(dataSource: DataSource, handovers: number, options: { eventsOnly?: boolean } = {}): Promise<number> {
  if (handovers === 0) return 0;
  const eventsOnly = options.eventsOnly === true;
  const store = new EventStore(dataSource);
  const counties = await preloadCounties(dataSource, store, handovers, eventsOnly);
  const pairs = counties.flatMap((county) => county.teams.flatMap((team) => county.powers.map((code) => ({ county, team, code }))));
  const recorded: SingleAppend[] = [];
  const accepted: SingleAppend[] = [];
  const activated: SingleAppend[] = [];
  for (const [index, { county, team, code }] of pairs.slice(0, handovers).entries()) {
    const handoverId = randomUUID();
    const day = 30 + Math.floor((index / handovers) * 1000);
    const correlationId = randomUUID();
    recorded.push({
      streamId: `handover-${handoverId}`,
      expectedVersion: 0,
      event: {
        type: 'HandoverRecorded',
        data: {
          handoverId,
          countyId: county.countyId,
          powerCode: code,
          powerCategory: 'penalty',
          teamId: team.teamId,
          townshipId: team.townshipId,
          department: '城市管理局',
          mode: index % 4 === 0 ? 'entrustment' : 'transfer',
          instrument: `历府发〔${2023 + Math.floor(day / 365)}〕${(index % 900) + 1}号`,
          effectiveOn: dayOf(day + 30).slice(0, 10),
          committed: { officers: [], equipment: [], training: [] },
        },
      },
      metadata: metadata(county.countyId, dayOf(day), correlationId),
    });
    accepted.push({
      streamId: `handover-${handoverId}`,
      expectedVersion: 1,
      event: { type: 'HandoverAccepted', data: { conditional: false, gaps: [] } },
      metadata: { ...metadata(county.countyId, dayOf(day + 7)), actor: `user:${team.townshipId}-township` },
    });
    activated.push({
      streamId: `handover-${handoverId}`,
      expectedVersion: 2,
      event: { type: 'HandoverActivated', data: { activatedOn: dayOf(day + 30).slice(0, 10) } },
      metadata: { ...metadata(county.countyId, dayOf(day + 30)), actor: 'system:sweeps' },
    });
  }
  // Recorded, accepted and (on its effective date) activated, interleaved chunk by chunk as days pass.
  for (let start = 0; start < recorded.length; start += CHUNK)
    for (const events of [recorded, accepted, activated]) await store.appendOneEach(events.slice(start, start + CHUNK));
  if (!eventsOnly) await rebuildReadModels(dataSource, new ManualClock(new Date()), TIME_ZONE, { eventStore: store, batchSize: 1000 });
  await dataSource.query('ANALYZE');
  const [row] = (await dataSource.query(`SELECT count(*)::int AS n FROM events`)) as { n: number }[];
  return row?.n ?? 0;
}

/** The subscriptions of the application: the read models and each reminder partition. */
export const APPLICATION_SUBSCRIPTIONS = [READ_MODELS_SUBSCRIPTION, ...ALL_PARTITIONS.map(partitionSubscription)];

/** Waits until every subscription's checkpoint has reached the log's last event (the processes caught up on the history). */
export async function waitForSubscriptions(dataSource: DataSource, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = (await dataSource.query(
      `WITH head AS (SELECT transaction_id, global_position FROM events ORDER BY transaction_id DESC, global_position DESC LIMIT 1)
       SELECT count(*)::int AS behind FROM unnest($1::text[]) AS s(name) CROSS JOIN head
       LEFT JOIN subscription_checkpoints c ON c.subscription_id = s.name
       WHERE c.global_position IS NULL OR (c.transaction_id, c.global_position) < (head.transaction_id, head.global_position)`,
      [APPLICATION_SUBSCRIPTIONS],
    )) as { behind: number }[];
    if (row?.behind === 0) return;
    if (Date.now() > deadline) throw new Error(`${row?.behind} subscriptions still behind the history after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

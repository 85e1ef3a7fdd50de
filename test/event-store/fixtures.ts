import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  type AggregateDecider,
  type EventMetadata,
  type EventStoreLogger,
  GATE,
  type GatedSubscriptionHandler,
  type GatedWrite,
  type RecordedEvent,
  type SubscriptionHandler,
} from '@fangquan/event-store';

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function metadata(overrides: Partial<EventMetadata> = {}): EventMetadata {
  return {
    actor: 'user:conformance',
    countyId: 'county-330106',
    correlationId: randomUUID(),
    causationId: null,
    occurredAt: '2025-03-01T08:00:00.000Z',
    ...overrides,
  };
}

export const streamName = (prefix: string): string => `${prefix}-${randomUUID()}`;

/** Polls `condition` until it holds (or fails the test after `timeoutMs`). */
export async function eventually(condition: () => boolean | Promise<boolean>, timeoutMs = 20_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

/**
 * Waits until every committed event is below the snapshot's xmin, i.e. readAll can see all of them.
 * Other test files share the PostgreSQL server, and their open transactions hold xmin back briefly.
 */
export async function logSettled(dataSource: DataSource): Promise<void> {
  await eventually(
    async () => {
      const rows: unknown = await dataSource.query(
        'SELECT coalesce(max(transaction_id) < pg_snapshot_xmin(pg_current_snapshot()), true) AS settled FROM events',
      );
      return Array.isArray(rows) && (rows[0] as { settled?: unknown } | undefined)?.settled === true;
    },
    20_000,
    'the log to settle below xmin',
  );
}

/** A logger that keeps what it was told, for assertions (and keeps test output quiet). */
export function recordingLogger(): EventStoreLogger & { errors: string[]; warnings: string[] } {
  const errors: string[] = [];
  const warnings: string[] = [];
  return { errors, warnings, error: (message) => errors.push(message), warn: (message) => warnings.push(message) };
}

/** The projection table the conformance handlers write into, inside the batch transaction. */
export const HANDLED_TABLE_SQL = `CREATE TABLE IF NOT EXISTS conformance_handled (
  subscription text NOT NULL,
  global_position bigint NOT NULL,
  stream_id text NOT NULL,
  stream_version integer NOT NULL,
  PRIMARY KEY (subscription, global_position)
)`;

export async function countHandledRows(dataSource: DataSource, subscription: string): Promise<number> {
  const rows: unknown = await dataSource.query('SELECT count(*)::integer AS n FROM conformance_handled WHERE subscription = $1', [
    subscription,
  ]);
  return Array.isArray(rows) ? Number((rows[0] as { n: unknown } | undefined)?.n ?? 0) : 0;
}

/**
 * The gated twin of recordingHandler: plans one row per event as a write that takes effect only with
 * the batch's checkpoint (a batch applied twice would violate the primary key). `duringPlan` runs
 * between the batch's read and its commit — where another runner may get there first.
 */
export function gatedRecordingHandler(
  name: string,
  options: { duringPlan?: (events: RecordedEvent[]) => Promise<void> } = {},
): GatedSubscriptionHandler & { planned: number } {
  const handler = {
    name,
    planned: 0,
    async plan(events: RecordedEvent[]): Promise<GatedWrite[]> {
      handler.planned += 1;
      await options.duringPlan?.(events);
      return [
        {
          sql: `INSERT INTO conformance_handled (subscription, global_position, stream_id, stream_version)
                SELECT $1, p::bigint, s, v FROM unnest($2::text[], $3::text[], $4::integer[]) AS t(p, s, v) WHERE ${GATE}`,
          parameters: [name, events.map((e) => e.globalPosition), events.map((e) => e.streamId), events.map((e) => e.streamVersion)],
        },
      ];
    },
  };
  return handler;
}

/** What a subscription's rows hold, in position order: [stream, version] per handled event. */
export async function handledRows(dataSource: DataSource, subscription: string): Promise<Array<[string, number]>> {
  const rows = (await dataSource.query(
    'SELECT stream_id, stream_version FROM conformance_handled WHERE subscription = $1 ORDER BY global_position',
    [subscription],
  )) as Array<{ stream_id: string; stream_version: number }>;
  return rows.map((row) => [row.stream_id, Number(row.stream_version)]);
}

/**
 * A projection-like handler: writes one row per event in the batch's transaction (a duplicate would
 * violate the primary key) and records what it saw, in order, in memory.
 */
export function recordingHandler(
  name: string,
  options: {
    failOn?: (batch: number, events: RecordedEvent[]) => boolean;
    label?: string;
    log?: Array<{ label: string; event: RecordedEvent }>;
    delayMs?: number;
  } = {},
) {
  const seen: RecordedEvent[] = [];
  let batches = 0;
  const handler: SubscriptionHandler & { seen: RecordedEvent[] } = {
    name,
    seen,
    async handle(events: RecordedEvent[], tx: EntityManager): Promise<void> {
      batches += 1;
      const positions = events.map((e) => e.globalPosition);
      await tx.query(
        `INSERT INTO conformance_handled (subscription, global_position, stream_id, stream_version)
         SELECT $1, p::bigint, s, v FROM unnest($2::text[], $3::text[], $4::integer[]) AS t(p, s, v)`,
        [name, positions, events.map((e) => e.streamId), events.map((e) => e.streamVersion)],
      );
      if (options.delayMs) await sleep(options.delayMs);
      if (options.failOn?.(batches, events)) throw new Error(`handler ${name} fails on batch ${batches}`);
      seen.push(...events);
      for (const event of events) options.log?.push({ label: options.label ?? name, event });
    },
  };
  return handler;
}

/** Asserts each stream's events arrived exactly once and in version order 1..n. */
export function expectStreamsInOrder(events: readonly RecordedEvent[], expected: Record<string, number>): void {
  const positions = new Set(events.map((e) => e.globalPosition));
  expect(positions.size).toBe(events.length);
  const versions = new Map<string, number[]>();
  for (const event of events) {
    if (!(event.streamId in expected)) continue;
    let list = versions.get(event.streamId);
    if (!list) versions.set(event.streamId, (list = []));
    list.push(event.streamVersion);
  }
  for (const [streamId, count] of Object.entries(expected)) {
    expect(versions.get(streamId) ?? []).toEqual(Array.from({ length: count }, (_, i) => i + 1));
  }
}

// A small ledger aggregate for the aggregate-store tests.
export type LedgerCommand = { type: 'Deposit'; data: { amount: number } } | { type: 'Withdraw'; data: { amount: number } };
export type LedgerEvent =
  | { type: 'Deposited'; data: { amount: number } }
  | { type: 'Withdrawn'; data: { amount: number } }
  /** Records something about the account without changing its balance. */
  | { type: 'Noted'; data: { note: string } };
export interface LedgerState {
  balance: number;
  entries: number;
  recent: string[];
}
export interface LedgerContext {
  now: string;
}

export const ledgerDecider: AggregateDecider<LedgerCommand, LedgerEvent, LedgerState, LedgerContext, string> = {
  initialState: { balance: 0, entries: 0, recent: [] },
  evolve(state, event) {
    if (event.type === 'Noted') return { ...state, entries: state.entries + 1 };
    const balance = event.type === 'Deposited' ? state.balance + event.data.amount : state.balance - event.data.amount;
    return { balance, entries: state.entries + 1, recent: [...state.recent, `${event.type}:${event.data.amount}`].slice(-3) };
  },
  decide(command, state) {
    if (command.data.amount <= 0) return { ok: false, error: 'amount-must-be-positive' };
    if (command.type === 'Withdraw') {
      if (command.data.amount > state.balance) return { ok: false, error: 'insufficient-funds' };
      return { ok: true, events: [{ type: 'Withdrawn', data: { amount: command.data.amount } }] };
    }
    return { ok: true, events: [{ type: 'Deposited', data: { amount: command.data.amount } }] };
  },
};

import { type LogCheckpoint, LOG_START, type RecordedEvent } from './event-store.types';
import { subscriptionBatchSql, type SubscriptionBatchRow } from './read.sql';
import { toRecordedEvent } from './recorded-event.mapper';
import { queryPrepared, statementFor } from './prepared-statement';
import { queryRows, type SqlExecutor } from './sql-executor';
import type { UpcasterRegistry } from './upcaster-registry';

/**
 * The durable checkpoint of each subscription, and its advisory lock. Everything here runs inside the
 * batch's transaction: the lock is transaction-scoped (released at COMMIT/ROLLBACK), so no session is
 * held between batches — which PGlite's single session requires.
 */

/** 64-bit advisory lock key of a subscription, hashed in SQL so every process derives the same one. */
const LOCK_KEY = `hashtextextended('fangquan.subscription:' || $1, 0)`;

const TRY_LOCK = statementFor('fangquan_subscription', `SELECT pg_try_advisory_xact_lock(${LOCK_KEY}) AS locked`);

/** false → another transaction (another process's runner) holds the subscription right now. */
export async function tryLockSubscription(tx: SqlExecutor, subscriptionId: string): Promise<boolean> {
  const [row] = await queryPrepared<{ locked: boolean }>(tx, TRY_LOCK, [subscriptionId]);
  return row?.locked === true;
}

/**
 * Waits for the subscription's lock, held until the caller's transaction ends: no batch of the
 * subscription, in any process, interleaves with it (reset, the readiness sweeps, a rebuild).
 */
export async function lockSubscription(tx: SqlExecutor, subscriptionId: string): Promise<void> {
  await queryRows(tx, `SELECT pg_advisory_xact_lock(${LOCK_KEY})::text AS locked`, [subscriptionId]);
}

export async function loadCheckpoint(tx: SqlExecutor, subscriptionId: string): Promise<LogCheckpoint> {
  const [row] = await queryRows<{ transaction_id: string; global_position: string }>(
    tx,
    `SELECT transaction_id::text AS transaction_id, global_position::text AS global_position FROM subscription_checkpoints WHERE subscription_id = $1`,
    [subscriptionId],
  );
  return row ? { transactionId: String(row.transaction_id), globalPosition: String(row.global_position) } : LOG_START;
}

/** A subscription's checkpoint and the events after it, read together (see subscriptionBatchSql). */
export interface SubscriptionBatchRead {
  readonly checkpoint: LogCheckpoint;
  /** The relevant events of the batch (all of them without a relevance condition). */
  readonly events: RecordedEvent[];
  /** Where the batch ends: after its last event, relevant or not; undefined when it holds none. */
  readonly end: LogCheckpoint | undefined;
  /** The global positions of every event of the batch, relevant or not. */
  readonly positions: string[];
  /** Events lie after the checkpoint (returned or not yet readable: an older transaction still runs). */
  readonly pending: boolean;
}

/** `relevant`: see SubscriptionHandler.relevant. */
export async function readSubscriptionBatch(
  tx: SqlExecutor,
  subscriptionId: string,
  limit: number,
  upcasters: UpcasterRegistry,
  relevant?: string,
): Promise<SubscriptionBatchRead> {
  const rows = await queryPrepared<SubscriptionBatchRow>(tx, statementFor('fangquan_subscription', subscriptionBatchSql(relevant)), [
    subscriptionId,
    limit,
  ]);
  const first = rows[0];
  if (first === undefined) return { checkpoint: LOG_START, events: [], end: undefined, positions: [], pending: false };
  const read = rows.filter((row) => row.global_position !== null);
  const last = read[read.length - 1];
  return {
    checkpoint: { transactionId: String(first.checkpoint_transaction_id), globalPosition: String(first.checkpoint_global_position) },
    events: read.filter((row) => row.relevant === true).map((row) => toRecordedEvent(row, upcasters)),
    end: last === undefined ? undefined : { transactionId: String(last.transaction_id), globalPosition: String(last.global_position) },
    positions: read.map((row) => String(row.global_position)),
    pending: first.pending === true,
  };
}

/** $1 subscription, $2 transaction id, $3 global position. */
const UPSERT_CHECKPOINT_SQL = `INSERT INTO subscription_checkpoints (subscription_id, transaction_id, global_position, updated_at)
  VALUES ($1, $2::xid8, $3::bigint, now())
  ON CONFLICT (subscription_id) DO UPDATE SET transaction_id = EXCLUDED.transaction_id, global_position = EXCLUDED.global_position, updated_at = now()
  RETURNING subscription_id`;
const SAVE = statementFor('fangquan_checkpoint', UPSERT_CHECKPOINT_SQL);
const SAVE_AND_NOTIFY = statementFor(
  'fangquan_checkpoint',
  `WITH saved AS (${UPSERT_CHECKPOINT_SQL}) SELECT pg_notify($4, $5)::text AS notified FROM saved`,
);

/**
 * Saves the checkpoint and, in the same statement, `pg_notify(channel, payload)` — delivered when the
 * batch's transaction commits, never before and never for a batch rolled back.
 */
export async function saveCheckpointAndNotify(
  tx: SqlExecutor,
  subscriptionId: string,
  checkpoint: LogCheckpoint,
  channel: string,
  payload: string,
): Promise<void> {
  await queryPrepared(tx, SAVE_AND_NOTIFY, [subscriptionId, checkpoint.transactionId, checkpoint.globalPosition, channel, payload]);
}

export async function saveCheckpoint(tx: SqlExecutor, subscriptionId: string, checkpoint: LogCheckpoint): Promise<void> {
  await queryPrepared(tx, SAVE, [subscriptionId, checkpoint.transactionId, checkpoint.globalPosition]);
}

/** The name a gated write's condition refers to (see GATE). */
const GATE_CTE = 'fangquan_checkpoint_gate';

/**
 * The condition every gated write must carry (in its WHERE): true only when the statement moved the
 * checkpoint, i.e. the batch is still current and no other runner holds the subscription.
 */
export const GATE = `EXISTS (SELECT 1 FROM ${GATE_CTE})`;

/** One write of a batch, to run in the batch's single statement; its `$n` are its own parameters. */
export interface GatedWrite {
  readonly sql: string;
  readonly parameters: readonly unknown[];
}

/** A subscription without a checkpoint row gets one at the log's start (gated batches update it). */
export async function ensureCheckpointRow(executor: SqlExecutor, subscriptionId: string): Promise<void> {
  await queryRows(
    executor,
    `INSERT INTO subscription_checkpoints (subscription_id, transaction_id, global_position, updated_at)
     VALUES ($1, '0'::xid8, 0, now()) ON CONFLICT (subscription_id) DO NOTHING RETURNING subscription_id`,
    [subscriptionId],
  );
}

/**
 * A whole batch in ONE statement (its own transaction): moves the checkpoint from `from` to `to` —
 * only if it is still at `from` and the subscription's advisory lock is free (taken for the
 * statement) — and runs every write, each gated on that move. Optionally pg_notify(channel, payload)
 * when it moved. False: nothing was written (another runner moved the checkpoint or holds the lock).
 */
export async function commitGatedBatch(
  executor: SqlExecutor,
  subscriptionId: string,
  from: LogCheckpoint,
  to: LogCheckpoint,
  writes: readonly GatedWrite[],
  notice?: { readonly channel: string; readonly payload: string },
): Promise<boolean> {
  const parameters: unknown[] = [subscriptionId, from.transactionId, from.globalPosition, to.transactionId, to.globalPosition];
  const ctes = [
    `${GATE_CTE} AS (
       UPDATE subscription_checkpoints SET transaction_id = $4::xid8, global_position = $5::bigint, updated_at = now()
       WHERE subscription_id = $1 AND transaction_id = $2::xid8 AND global_position = $3::bigint
         AND pg_try_advisory_xact_lock(${LOCK_KEY})
       RETURNING 1
     )`,
  ];
  for (const [index, write] of writes.entries()) {
    if (!write.sql.includes(GATE)) throw new Error(`gated write ${index + 1} of subscription "${subscriptionId}" does not carry GATE`);
    const offset = parameters.length;
    ctes.push(`fangquan_write_${index + 1} AS (${write.sql.replace(/\$(\d+)/g, (_match, n: string) => `$${Number(n) + offset}`)})`);
    parameters.push(...write.parameters);
  }
  let notify = '';
  if (notice !== undefined) {
    parameters.push(notice.channel, notice.payload);
    notify = `, (SELECT pg_notify($${parameters.length - 1}, $${parameters.length}) FROM ${GATE_CTE})::text AS notified`;
  }
  const statement = statementFor(
    'fangquan_gated_batch',
    `WITH ${ctes.join(',\n')}\nSELECT (SELECT count(*) FROM ${GATE_CTE}) AS moved${notify}`,
  );
  const [row] = await queryPrepared<{ moved: number | string }>(executor, statement, parameters);
  return Number(row?.moved ?? 0) === 1;
}

const HANDLED_AMONG = statementFor(
  'fangquan_handled',
  `SELECT e.global_position::text AS position
   FROM events e JOIN subscription_checkpoints c ON c.subscription_id = $1
   WHERE e.global_position = ANY($2::text[]::bigint[]) AND (e.transaction_id, e.global_position) <= (c.transaction_id, c.global_position)`,
);

/**
 * Which of the events at `globalPositions` the subscription has handled (their place in the log is at
 * or before its checkpoint): one query for every waiter of a process.
 */
export async function handledAmong(
  executor: SqlExecutor,
  subscriptionId: string,
  globalPositions: readonly string[],
): Promise<Set<string>> {
  if (globalPositions.length === 0) return new Set();
  const rows = await queryPrepared<{ position: string | number }>(executor, HANDLED_AMONG, [subscriptionId, [...globalPositions]]);
  return new Set(rows.map((row) => String(row.position)));
}

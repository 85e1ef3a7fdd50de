import { type LogCheckpoint, LOG_START, type RecordedEvent } from './event-store.types';
import { READ_SUBSCRIPTION_BATCH_SQL, type SubscriptionBatchRow } from './read.sql';
import { toRecordedEvent } from './recorded-event.mapper';
import { queryRows, type SqlExecutor } from './sql-executor';
import type { UpcasterRegistry } from './upcaster-registry';

/**
 * The durable checkpoint of each subscription, and its advisory lock. Everything here runs inside the
 * batch's transaction: the lock is transaction-scoped (released at COMMIT/ROLLBACK), so no session is
 * held between batches — which PGlite's single session requires.
 */

/** 64-bit advisory lock key of a subscription, hashed in SQL so every process derives the same one. */
const LOCK_KEY = `hashtextextended('fangquan.subscription:' || $1, 0)`;

/** false → another transaction (another process's runner) holds the subscription right now. */
export async function tryLockSubscription(tx: SqlExecutor, subscriptionId: string): Promise<boolean> {
  const [row] = await queryRows<{ locked: boolean }>(tx, `SELECT pg_try_advisory_xact_lock(${LOCK_KEY}) AS locked`, [subscriptionId]);
  return row?.locked === true;
}

/** Waits for the lock (used by reset, which must not interleave with a batch). */
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

/** A subscription's checkpoint and the events after it, read together (see READ_SUBSCRIPTION_BATCH_SQL). */
export interface SubscriptionBatchRead {
  readonly checkpoint: LogCheckpoint;
  readonly events: RecordedEvent[];
  /** Events lie after the checkpoint (returned or not yet readable: an older transaction still runs). */
  readonly pending: boolean;
}

export async function readSubscriptionBatch(tx: SqlExecutor, subscriptionId: string, limit: number, upcasters: UpcasterRegistry): Promise<SubscriptionBatchRead> {
  const rows = await queryRows<SubscriptionBatchRow>(tx, READ_SUBSCRIPTION_BATCH_SQL, [subscriptionId, limit]);
  const first = rows[0];
  if (first === undefined) return { checkpoint: LOG_START, events: [], pending: false };
  return {
    checkpoint: { transactionId: String(first.checkpoint_transaction_id), globalPosition: String(first.checkpoint_global_position) },
    events: rows.filter((row) => row.global_position !== null).map((row) => toRecordedEvent(row, upcasters)),
    pending: first.pending === true,
  };
}

/**
 * Saves the checkpoint and, in the same statement, `pg_notify(channel, payload)` — delivered when the
 * batch's transaction commits, never before and never for a batch rolled back.
 */
export async function saveCheckpointAndNotify(tx: SqlExecutor, subscriptionId: string, checkpoint: LogCheckpoint, channel: string, payload: string): Promise<void> {
  await queryRows(
    tx,
    `WITH saved AS (
       INSERT INTO subscription_checkpoints (subscription_id, transaction_id, global_position, updated_at)
       VALUES ($1, $2::xid8, $3::bigint, now())
       ON CONFLICT (subscription_id) DO UPDATE SET transaction_id = EXCLUDED.transaction_id, global_position = EXCLUDED.global_position, updated_at = now()
       RETURNING subscription_id
     )
     SELECT pg_notify($4, $5)::text AS notified FROM saved`,
    [subscriptionId, checkpoint.transactionId, checkpoint.globalPosition, channel, payload],
  );
}

export async function saveCheckpoint(tx: SqlExecutor, subscriptionId: string, checkpoint: LogCheckpoint): Promise<void> {
  await queryRows(
    tx,
    `INSERT INTO subscription_checkpoints (subscription_id, transaction_id, global_position, updated_at)
     VALUES ($1, $2::xid8, $3::bigint, now())
     ON CONFLICT (subscription_id) DO UPDATE SET transaction_id = EXCLUDED.transaction_id, global_position = EXCLUDED.global_position, updated_at = now()
     RETURNING subscription_id`,
    [subscriptionId, checkpoint.transactionId, checkpoint.globalPosition],
  );
}

/**
 * Which of the events at `globalPositions` the subscription has handled (their place in the log is at
 * or before its checkpoint): one query for every waiter of a process.
 */
export async function handledAmong(executor: SqlExecutor, subscriptionId: string, globalPositions: readonly string[]): Promise<Set<string>> {
  if (globalPositions.length === 0) return new Set();
  const rows = await queryRows<{ position: string | number }>(
    executor,
    `SELECT e.global_position::text AS position
     FROM events e JOIN subscription_checkpoints c ON c.subscription_id = $1
     WHERE e.global_position = ANY($2::text[]::bigint[]) AND (e.transaction_id, e.global_position) <= (c.transaction_id, c.global_position)`,
    [subscriptionId, [...globalPositions]],
  );
  return new Set(rows.map((row) => String(row.position)));
}

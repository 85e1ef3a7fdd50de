import { type LogCheckpoint, LOG_START } from './event-store.types';
import { queryRows, type SqlExecutor } from './sql-executor';

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

/** Whether the subscription has handled the event at `globalPosition` (its place in the log is at or before the checkpoint). */
export async function hasHandled(executor: SqlExecutor, subscriptionId: string, globalPosition: string): Promise<boolean> {
  const [row] = await queryRows<{ handled: boolean }>(
    executor,
    `SELECT EXISTS (
       SELECT 1 FROM events e JOIN subscription_checkpoints c ON c.subscription_id = $1
       WHERE e.global_position = $2::bigint AND (e.transaction_id, e.global_position) <= (c.transaction_id, c.global_position)
     ) AS handled`,
    [subscriptionId, globalPosition],
  );
  return row?.handled === true;
}

import { type LogCheckpoint, LOG_START } from '../event-store.types';
import { queryPrepared, statementFor } from '../prepared-statement';
import { queryRows, type SqlExecutor } from '../sql-executor';

/**
 * The durable checkpoint of each subscription (a row of `subscription_checkpoints`): where its
 * batches have got to in the log, saved with each batch, and what waiters ask when their events went
 * to a runner of another process.
 */

export async function loadCheckpoint(tx: SqlExecutor, subscriptionId: string): Promise<LogCheckpoint> {
  const [row] = await queryRows<{ transaction_id: string; global_position: string }>(
    tx,
    `SELECT transaction_id::text AS transaction_id, global_position::text AS global_position FROM subscription_checkpoints WHERE subscription_id = $1`,
    [subscriptionId],
  );
  return row ? { transactionId: String(row.transaction_id), globalPosition: String(row.global_position) } : LOG_START;
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

/** A subscription without a checkpoint row gets one at the log's start (gated batches update it). */
export async function ensureCheckpointRow(executor: SqlExecutor, subscriptionId: string): Promise<void> {
  await queryRows(
    executor,
    `INSERT INTO subscription_checkpoints (subscription_id, transaction_id, global_position, updated_at)
     VALUES ($1, '0'::xid8, 0, now()) ON CONFLICT (subscription_id) DO NOTHING RETURNING subscription_id`,
    [subscriptionId],
  );
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

import type { DataSource } from 'typeorm';
import { type LogCheckpoint, LOG_START, type RecordedEvent } from '../event-store.types';
import { queryPrepared, statementFor } from '../prepared-statement';
import type { SqlExecutor } from '../sql-executor';
import type { BatchContext, BatchResult } from './batch-outcome';
import { readSubscriptionBatch } from './batch-read';
import { ensureCheckpointRow } from './checkpoints';
import { batchNotice } from './notifications';
import { LOCK_KEY } from './subscription-lock';

/**
 * A consumer whose whole effect on a batch is a set of writes (a projection): `plan` reads what it
 * needs through `dataSource` — outside any transaction — and returns its writes, each carrying `GATE`.
 * The runner issues them together with the checkpoint's move in ONE statement, gated on the
 * checkpoint being where the batch was read from and the subscription's lock being free: a batch
 * costs three round trips (read, plan's reads, commit) and holds no transaction open. `plan` may
 * run for a batch that another runner then commits first: it must not write anything itself.
 */
export interface GatedSubscriptionHandler {
  readonly name: string;
  /** As SubscriptionHandler.relevant. */
  readonly relevant?: string;
  plan(events: RecordedEvent[], dataSource: DataSource): Promise<GatedWrite[]>;
}

export function isGated(handler: { readonly name: string } | GatedSubscriptionHandler): handler is GatedSubscriptionHandler {
  return typeof (handler as Partial<GatedSubscriptionHandler>).plan === 'function';
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

/** read checkpoint and events → plan → one gated statement; `busy` when another runner got there first. */
export async function runGatedBatch(context: BatchContext, handler: GatedSubscriptionHandler): Promise<BatchResult> {
  const { store, name, runnerId, batchSize, notifyChannel } = context;
  const dataSource = store.dataSource;
  let read = await readSubscriptionBatch(dataSource, name, batchSize, store.upcasters, handler.relevant);
  if (read.checkpoint.transactionId === LOG_START.transactionId && read.checkpoint.globalPosition === LOG_START.globalPosition) {
    await ensureCheckpointRow(dataSource, name);
    read = await readSubscriptionBatch(dataSource, name, batchSize, store.upcasters, handler.relevant);
  }
  const { end, positions } = read;
  if (end === undefined) return { kind: 'idle', pending: read.pending };
  const writes = read.events.length > 0 ? await handler.plan(read.events, dataSource) : [];
  const notice = notifyChannel === undefined ? undefined : { channel: notifyChannel, payload: batchNotice(name, runnerId, positions) };
  if (!(await commitGatedBatch(dataSource, name, read.checkpoint, end, writes, notice))) return { kind: 'busy' };
  return { kind: 'handled', count: positions.length, checkpoint: end, positions };
}

import { type LogCheckpoint, LOG_START, type RecordedEvent } from '../event-store.types';
import { queryPrepared, statementFor } from '../prepared-statement';
import { subscriptionBatchSql, type SubscriptionBatchRow } from '../read.sql';
import { toRecordedEvent } from '../recorded-event.mapper';
import type { SqlExecutor } from '../sql-executor';
import type { UpcasterRegistry } from '../upcaster-registry';

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

/** Reads the batch after the checkpoint, below the snapshot's xmin; `relevant`: see SubscriptionHandler.relevant. */
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

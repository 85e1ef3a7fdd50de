import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '../event-store.types';
import type { BatchContext, BatchResult } from './batch-outcome';
import { readSubscriptionBatch } from './batch-read';
import { saveCheckpoint, saveCheckpointAndNotify } from './checkpoints';
import { batchNotice } from './notifications';
import { tryLockSubscription } from './subscription-lock';

/**
 * A consumer of the global log (a projection, a process manager). `handle` gets each batch with the
 * batch's transaction: do ALL database work through `tx` — the checkpoint commits with it, and on the
 * embedded database any other connection would wait for this one (one session).
 */
export interface SubscriptionHandler {
  /** Stable id of the subscription: its checkpoint and lock are keyed by it. */
  readonly name: string;
  /**
   * Optional: an SQL condition on the events row `e` (say, on `e.stream_id` and `e.type`) that holds
   * for the events this subscription needs. The others are read as positions alone, never handed
   * to `handle`, and still move the checkpoint (a batch of none of them commits the checkpoint alone).
   * Code, never input: it goes into the statement's text.
   */
  readonly relevant?: string;
  handle(events: RecordedEvent[], tx: EntityManager): Promise<void>;
}

/**
 * lock → read the checkpoint and the next events after it below the snapshot's xmin (one statement)
 * → handler → save the checkpoint (and announce the batch) → COMMIT, in one transaction.
 */
export function runTransactionalBatch(context: BatchContext, handler: SubscriptionHandler): Promise<BatchResult> {
  const { store, name, runnerId, batchSize, notifyChannel } = context;
  return store.dataSource.transaction(async (tx): Promise<BatchResult> => {
    if (!(await tryLockSubscription(tx, name))) return { kind: 'busy' };
    // After the lock, in a statement of its own: its snapshot sees the last holder's checkpoint.
    const { events, end, positions, pending } = await readSubscriptionBatch(tx, name, batchSize, store.upcasters, handler.relevant);
    if (end === undefined) return { kind: 'idle', pending };
    if (events.length > 0) await handler.handle(events, tx);
    if (notifyChannel === undefined) await saveCheckpoint(tx, name, end);
    else await saveCheckpointAndNotify(tx, name, end, notifyChannel, batchNotice(name, runnerId, positions));
    return { kind: 'handled', count: positions.length, checkpoint: end, positions };
  });
}

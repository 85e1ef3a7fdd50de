import type { EventStore } from '../event-store';
import type { LogCheckpoint } from '../event-store.types';

export type BatchOutcome =
  | { readonly kind: 'handled'; readonly count: number; readonly checkpoint: LogCheckpoint }
  /** Nothing to hand over; `pending` when committed events wait for an older transaction to finish. */
  | { readonly kind: 'idle'; readonly pending: boolean }
  /** Another runner (usually another process) holds the subscription's lock right now. */
  | { readonly kind: 'busy' };

/** Internal: a handled batch with the positions it handled (callers see a BatchOutcome). */
export interface HandledBatch {
  readonly kind: 'handled';
  readonly count: number;
  readonly checkpoint: LogCheckpoint;
  readonly positions: string[];
}

/** What one batch comes to, before the runner tells its waiters. */
export type BatchResult = Exclude<BatchOutcome, { kind: 'handled' }> | HandledBatch;

/** What a batch needs of its runner. */
export interface BatchContext {
  readonly store: EventStore;
  /** The subscription: its checkpoint and lock. */
  readonly name: string;
  /** The runner, named in the batch's notice (SubscriptionRunner.id). */
  readonly runnerId: string;
  readonly batchSize: number;
  /** See SubscriptionRunnerOptions.notifyChannel. */
  readonly notifyChannel: string | undefined;
}

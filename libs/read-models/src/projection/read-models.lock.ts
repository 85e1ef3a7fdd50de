import type { EntityManager } from 'typeorm';
import { lockSubscription } from '@fangquan/event-store';
import { READ_MODELS_SUBSCRIPTION } from './read-model.projection';

/**
 * Takes (waiting for it) the transaction-scoped advisory lock that the event store's
 * SubscriptionRunner takes for every batch of the `read-models` subscription. Held, no projection
 * batch of any process runs until this transaction ends: the readiness sweep and the rebuild never
 * interleave with one.
 * (test/read-models checks that a batch reports `busy` while it is held.)
 */
export async function lockReadModels(tx: EntityManager): Promise<void> {
  await lockSubscription(tx, READ_MODELS_SUBSCRIPTION);
}

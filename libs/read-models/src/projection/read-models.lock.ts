import type { EntityManager } from 'typeorm';
import { READ_MODELS_SUBSCRIPTION } from './read-model.projection';

/**
 * Takes (waiting for it) the transaction-scoped advisory lock that the event store's
 * SubscriptionRunner takes for every batch of the `read-models` subscription — the same key,
 * `hashtextextended('fangquan.subscription:' || name, 0)`. Held, no projection batch of any process
 * runs until this transaction ends: the readiness sweep and the rebuild never interleave with one.
 * (test/read-models checks that a batch reports `busy` while it is held.)
 */
export async function lockReadModels(tx: EntityManager): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('fangquan.subscription:' || $1, 0))::text AS locked`, [READ_MODELS_SUBSCRIPTION]);
}

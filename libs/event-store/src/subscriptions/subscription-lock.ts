import { queryPrepared, statementFor } from '../prepared-statement';
import { queryRows, type SqlExecutor } from '../sql-executor';

/**
 * The advisory lock of each subscription: one runner per subscription at a time, across processes.
 * Transaction-scoped (released at COMMIT/ROLLBACK), so no session is held between batches — which
 * PGlite's single session requires.
 */

/** 64-bit advisory lock key of a subscription ($1), hashed in SQL so every process derives the same one. */
export const LOCK_KEY = `hashtextextended('fangquan.subscription:' || $1, 0)`;

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

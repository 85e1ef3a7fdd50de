import { createHash } from 'node:crypto';

/**
 * The reminder chains are split into partitions by handover, each kept by a process manager of its
 * own: its own subscription on the log (checkpoint and advisory lock), its own batches and
 * transactions. Under a burst of gaps the partitions' batches run side by side, on their own database
 * connections — in one worker process or in several — instead of one batch at a time.
 *
 * A fixed number, part of the schema: a handover's partition must not change while its chain lives,
 * since each partition's checkpoint only vouches for the handovers it owns. Changing it needs a
 * migration that brings every partition to one checkpoint first.
 */
export const REMINDER_PARTITIONS = 2;

/** The subscription of the process manager that keeps the first partition (the one name it had before partitions). */
export const REMINDERS_SUBSCRIPTION = 'reminders';

/** One partition of the chains: `index` of `count`. */
export interface ChainPartition {
  readonly index: number;
  readonly count: number;
}

export const ALL_PARTITIONS: readonly ChainPartition[] = Array.from({ length: REMINDER_PARTITIONS }, (_, index) => ({
  index,
  count: REMINDER_PARTITIONS,
}));

/** `reminders`, then `reminders.1`, `reminders.2`, …: checkpoint and lock of each partition's process manager. */
export function partitionSubscription(partition: ChainPartition): string {
  return partition.index === 0 ? REMINDERS_SUBSCRIPTION : `${REMINDERS_SUBSCRIPTION}.${partition.index}`;
}

/** The partition a handover's chain belongs to: the first byte of the MD5 of its id, modulo the count (CHAIN_PARTITION_SQL computes the same). */
export function partitionOf(handoverId: string, count: number = REMINDER_PARTITIONS): number {
  return (createHash('md5').update(handoverId, 'utf8').digest()[0] ?? 0) % count;
}

/** partitionOf in SQL, of the text column or expression `handoverId`, modulo the integer parameter `count`. */
export function chainPartitionSql(handoverId: string, count: string): string {
  return `(get_byte(decode(md5(${handoverId}), 'hex'), 0) % ${count})`;
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The chains are kept by two process managers, one per partition (`reminders` and `reminders.1`: see
 * chain-partitions). Until now `reminders` kept them all, so the second partition starts where it
 * stands: every chain of that partition is up to date there. A log that `reminders` has not read yet
 * leaves both at the log's start.
 */
export class ChainPartitionCheckpoints1764700000000 implements MigrationInterface {
  readonly name = 'ChainPartitionCheckpoints1764700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `INSERT INTO subscription_checkpoints (subscription_id, transaction_id, global_position, updated_at)
       SELECT 'reminders.1', transaction_id, global_position, now() FROM subscription_checkpoints WHERE subscription_id = 'reminders'
       ON CONFLICT (subscription_id) DO NOTHING`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DELETE FROM subscription_checkpoints WHERE subscription_id = 'reminders.1'`);
  }
}

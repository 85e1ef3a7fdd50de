import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `reminder_chains.follow_up_due_at`: the next step of a chain whose step was delivered inside a
 * process manager's batch, due at that time and not in the queue yet — FollowUpRelay queues it as its
 * due time nears. Only those chains are in the partial index the relay reads.
 */
export class ChainFollowUps1764800000000 implements MigrationInterface {
  readonly name = 'ChainFollowUps1764800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE reminder_chains ADD COLUMN follow_up_due_at timestamptz NULL`);
    await runner.query(
      `CREATE INDEX ix_reminder_chains_follow_up ON reminder_chains (follow_up_due_at) WHERE follow_up_due_at IS NOT NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX ix_reminder_chains_follow_up`);
    await runner.query(`ALTER TABLE reminder_chains DROP COLUMN follow_up_due_at`);
  }
}

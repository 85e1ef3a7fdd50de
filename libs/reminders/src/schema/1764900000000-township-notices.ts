import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Township notices and one unread inbox item per handover: `reminders.kind` admits `handover-recorded`
 * (the township told of a handover awaiting its answer), and a partial index finds a recipient's
 * unread items of a handover, which a newer reminder of that handover supersedes.
 */
export class TownshipNotices1764900000000 implements MigrationInterface {
  readonly name = 'TownshipNotices1764900000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE reminders DROP CONSTRAINT IF EXISTS reminders_kind_check`);
    await runner.query(
      `ALTER TABLE reminders ADD CONSTRAINT reminders_kind_check
         CHECK (kind IN ('gap', 'unanswered', 'certificate-expiry', 'gaps-closed', 'handover-recorded'))`,
    );
    await runner.query(`CREATE INDEX ix_inbox_unread_handover ON inbox (recipient_user_id, handover_id) WHERE read_at IS NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX ix_inbox_unread_handover`);
    await runner.query(`ALTER TABLE reminders DROP CONSTRAINT reminders_kind_check`);
    await runner.query(
      `ALTER TABLE reminders ADD CONSTRAINT reminders_kind_check CHECK (kind IN ('gap', 'unanswered', 'certificate-expiry', 'gaps-closed'))`,
    );
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One unread inbox item per handover: a partial index finds a recipient's unread items of a handover,
 * which a newer reminder of that handover supersedes.
 */
export class TownshipNotices1764900000000 implements MigrationInterface {
  readonly name = 'TownshipNotices1764900000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE INDEX ix_inbox_unread_handover ON inbox (recipient_user_id, handover_id) WHERE read_at IS NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX ix_inbox_unread_handover`);
  }
}

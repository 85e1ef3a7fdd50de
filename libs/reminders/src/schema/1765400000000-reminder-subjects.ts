import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders about subjects other than a handover (a recall request, a task admission, a whistle): such a
 * reminder and its inbox items have no handover and no power, and name their subject instead; an inbox
 * item of a decision carries its outcome. A reminder has either a handover or a subject.
 */
export class ReminderSubjects1765400000000 implements MigrationInterface {
  readonly name = 'ReminderSubjects1765400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE reminders ALTER COLUMN handover_id DROP NOT NULL, ALTER COLUMN power_code DROP NOT NULL,
         ADD COLUMN subject_type text, ADD COLUMN subject_id text, ADD COLUMN subject_title text,
         ADD CONSTRAINT ck_reminders_handover_or_subject CHECK ((handover_id IS NULL) <> (subject_id IS NULL)),
         DROP CONSTRAINT reminders_kind_check,
         ADD CONSTRAINT reminders_kind_check CHECK (kind IN ('gap', 'unanswered', 'certificate-expiry', 'gaps-closed',
           'decision-due', 'decision-made', 'supervision'))`,
    );
    await runner.query(
      `ALTER TABLE inbox ALTER COLUMN handover_id DROP NOT NULL,
         ADD COLUMN subject_type text, ADD COLUMN subject_id text, ADD COLUMN subject_title text, ADD COLUMN outcome text`,
    );
    await runner.query(`CREATE INDEX ix_reminders_subject ON reminders (subject_id, created_at) WHERE subject_id IS NOT NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DELETE FROM reminder_deliveries d USING reminders r WHERE d.reminder_id = r.id AND r.subject_id IS NOT NULL`);
    await runner.query(`DELETE FROM inbox WHERE handover_id IS NULL`);
    await runner.query(`DELETE FROM reminders WHERE handover_id IS NULL`);
    await runner.query(`DROP INDEX ix_reminders_subject`);
    await runner.query(
      `ALTER TABLE inbox DROP COLUMN subject_type, DROP COLUMN subject_id, DROP COLUMN subject_title, DROP COLUMN outcome,
         ALTER COLUMN handover_id SET NOT NULL`,
    );
    await runner.query(
      `ALTER TABLE reminders DROP CONSTRAINT ck_reminders_handover_or_subject, DROP CONSTRAINT reminders_kind_check,
         ADD CONSTRAINT reminders_kind_check CHECK (kind IN ('gap', 'unanswered', 'certificate-expiry', 'gaps-closed')), DROP COLUMN subject_type, DROP COLUMN subject_id,
         DROP COLUMN subject_title, ALTER COLUMN handover_id SET NOT NULL, ALTER COLUMN power_code SET NOT NULL`,
    );
  }
}

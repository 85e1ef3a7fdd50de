import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The reminder process manager's chains, the reminders sent, the inbox and the deliveries per channel. */
export class RemindersSchema1736100000000 implements MigrationInterface {
  readonly name = 'RemindersSchema1736100000000';

  async up(runner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE reminder_chains (
        handover_id text PRIMARY KEY,
        county_id text NOT NULL,
        team_id text NOT NULL,
        township_id text NOT NULL,
        township_name text,
        power_code text NOT NULL,
        power_name text,
        department text NOT NULL,
        effective_on text NOT NULL,
        committed jsonb NOT NULL,
        handover_status text NOT NULL,
        handover_version integer NOT NULL,
        episode integer NOT NULL DEFAULT 0,
        revision integer NOT NULL DEFAULT 0,
        fingerprint text,
        gaps jsonb NOT NULL DEFAULT '[]',
        next_step integer NOT NULL DEFAULT 0,
        opened_at timestamptz,
        closed_at timestamptz,
        updated_at timestamptz NOT NULL
      )`,
      `CREATE INDEX ix_reminder_chains_team ON reminder_chains (team_id)`,
      `CREATE INDEX ix_reminder_chains_power ON reminder_chains (county_id, power_code)`,
      `CREATE TABLE reminders (
        id text PRIMARY KEY,
        handover_id text NOT NULL,
        county_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('gap', 'unanswered', 'certificate-expiry', 'gaps-closed')),
        step integer NOT NULL CHECK (step >= 0),
        episode integer,
        escalated boolean NOT NULL,
        gaps jsonb,
        detail jsonb,
        recipients jsonb NOT NULL,
        township_name text,
        power_code text NOT NULL,
        power_name text,
        created_at timestamptz NOT NULL
      )`,
      `CREATE INDEX ix_reminders_handover ON reminders (handover_id, created_at)`,
      `CREATE TABLE inbox (
        id uuid PRIMARY KEY,
        reminder_id text NOT NULL,
        recipient_user_id uuid NOT NULL,
        county_id text NOT NULL,
        handover_id text NOT NULL,
        kind text NOT NULL,
        gaps jsonb,
        step integer NOT NULL,
        created_at timestamptz NOT NULL,
        read_at timestamptz,
        CONSTRAINT uq_inbox_reminder_recipient UNIQUE (reminder_id, recipient_user_id)
      )`,
      `CREATE INDEX ix_inbox_recipient_created ON inbox (recipient_user_id, created_at DESC)`,
      `CREATE TABLE reminder_deliveries (
        reminder_id text NOT NULL,
        channel text NOT NULL CHECK (channel IN ('inbox', 'webhook', 'email')),
        recipient text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        updated_at timestamptz NOT NULL,
        CONSTRAINT pk_reminder_deliveries PRIMARY KEY (reminder_id, channel, recipient)
      )`,
    ];
    for (const statement of statements) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['reminder_deliveries', 'inbox', 'reminders', 'reminder_chains'])
      await runner.query(`DROP TABLE IF EXISTS ${table}`);
  }
}

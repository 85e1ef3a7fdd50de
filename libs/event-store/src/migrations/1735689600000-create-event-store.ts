import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event log, the subscriptions' checkpoints and the aggregates' snapshots. Plain PostgreSQL
 * (13+ for xid8), so the same migration runs on a server and on PGlite.
 */
export class CreateEventStore1735689600000 implements MigrationInterface {
  readonly name = 'CreateEventStore1735689600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE events (
        global_position bigserial PRIMARY KEY,
        stream_id text NOT NULL CHECK (stream_id <> ''),
        stream_version integer NOT NULL CHECK (stream_version > 0),
        type text NOT NULL CHECK (type <> ''),
        schema_version smallint NOT NULL DEFAULT 1 CHECK (schema_version > 0),
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        county_id text GENERATED ALWAYS AS (metadata ->> 'countyId') STORED,
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT events_stream_version_key UNIQUE (stream_id, stream_version)
      )`,
      // Subscriptions read in (transaction_id, global_position) order below the snapshot's xmin.
      `CREATE INDEX events_transaction_order_idx ON events (transaction_id, global_position)`,
      // Tenant-scoped reads: one county's events in log order.
      `CREATE INDEX events_county_idx ON events (county_id, global_position)`,
      // Append-only: history is never rewritten in place (TRUNCATE, for throwaway databases, still works).
      `CREATE FUNCTION events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'events are append-only: % is not allowed', TG_OP USING ERRCODE = 'restrict_violation';
        END
      $$`,
      `CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events FOR EACH ROW EXECUTE FUNCTION events_are_append_only()`,
      `CREATE TABLE subscription_checkpoints (
        subscription_id text PRIMARY KEY,
        transaction_id xid8 NOT NULL,
        global_position bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE TABLE snapshots (
        stream_id text PRIMARY KEY,
        stream_version integer NOT NULL CHECK (stream_version > 0),
        state_schema text NOT NULL,
        state jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['snapshots', 'subscription_checkpoints', 'events']) await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
    await queryRunner.query('DROP FUNCTION IF EXISTS events_are_append_only()');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The read tables the `read-models` projection fills from the event log. Every row carries the
 * version of its stream it includes (idempotent replays) and times from the events' metadata.
 * Ids are text: they are whatever the command side put into the stream ids.
 */
export class ReadModelsSchema1735776000000 implements MigrationInterface {
  readonly name = 'ReadModelsSchema1735776000000';

  async up(runner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE power_items (
        county_id text NOT NULL,
        code text NOT NULL,
        name text NOT NULL,
        category text NOT NULL,
        legal_basis text NOT NULL,
        department text NOT NULL,
        requirements jsonb NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        updated_at timestamptz NOT NULL,
        CONSTRAINT pk_power_items PRIMARY KEY (county_id, code)
      )`,
      `CREATE TABLE teams (
        team_id text PRIMARY KEY,
        county_id text NOT NULL,
        township_id text NOT NULL,
        township_name text NOT NULL,
        officers jsonb NOT NULL,
        equipment jsonb NOT NULL,
        training jsonb NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        updated_at timestamptz NOT NULL
      )`,
      `CREATE INDEX ix_teams_county ON teams (county_id)`,
      `CREATE TABLE handovers (
        id text PRIMARY KEY,
        county_id text NOT NULL,
        power_code text NOT NULL,
        team_id text NOT NULL,
        township_id text NOT NULL,
        township_name text,
        department text NOT NULL,
        status text NOT NULL CHECK (status IN ('recorded', 'accepted', 'contested', 'active', 'revoked')),
        mode text NOT NULL CHECK (mode IN ('transfer', 'entrustment')),
        instrument text NOT NULL,
        effective_on text NOT NULL,
        ends_on text,
        committed jsonb NOT NULL,
        gaps jsonb NOT NULL,
        ready boolean NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        recorded_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`,
      `CREATE INDEX ix_handovers_county_status ON handovers (county_id, status)`,
      `CREATE INDEX ix_handovers_county_team ON handovers (county_id, team_id)`,
      `CREATE INDEX ix_handovers_county_power ON handovers (county_id, power_code)`,
      `CREATE INDEX ix_handovers_county_ready ON handovers (county_id, ready)`,
      // The list's order: newest first within a county.
      `CREATE INDEX ix_handovers_county_recorded ON handovers (county_id, recorded_at DESC, id)`,
    ];
    for (const statement of statements) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['handovers', 'teams', 'power_items']) await runner.query(`DROP TABLE IF EXISTS ${table}`);
  }
}

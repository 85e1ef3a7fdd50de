import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The duty catalogue and the published versions of the townships' duty lists, filled by the `read-models` projection. */
export class DutyLists1765000000000 implements MigrationInterface {
  readonly name = 'DutyLists1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE duties (
        county_id text NOT NULL,
        code text NOT NULL,
        name text NOT NULL,
        domain text NOT NULL,
        default_category text NOT NULL CHECK (default_category IN ('basic', 'assisting', 'returned')),
        description text,
        legal_basis text,
        lead_department text,
        power_code text,
        contact text,
        version integer NOT NULL CHECK (version > 0),
        updated_at timestamptz NOT NULL,
        CONSTRAINT pk_duties PRIMARY KEY (county_id, code)
      )`,
      `CREATE INDEX ix_duties_county_domain ON duties (county_id, domain)`,
      `CREATE TABLE duty_list_publications (
        township_id text NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        county_id text NOT NULL,
        published_at timestamptz NOT NULL,
        decision_ref text NOT NULL,
        note text,
        items jsonb NOT NULL,
        changes jsonb NOT NULL,
        CONSTRAINT pk_duty_list_publications PRIMARY KEY (township_id, version)
      )`,
    ];
    for (const statement of statements) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE IF EXISTS duty_list_publications');
    await runner.query('DROP TABLE IF EXISTS duties');
  }
}

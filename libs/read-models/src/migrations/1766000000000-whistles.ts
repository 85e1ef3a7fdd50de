import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The whistles (吹哨报到), filled by the `read-models` projection. */
export class Whistles1766000000000 implements MigrationInterface {
  readonly name = 'Whistles1766000000000';

  async up(runner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE whistles (
        id text NOT NULL,
        county_id text NOT NULL,
        township_id text NOT NULL,
        department text,
        co_departments jsonb NOT NULL,
        status text NOT NULL,
        overdue boolean NOT NULL,
        next_deadline timestamptz,
        raised_at timestamptz NOT NULL,
        state jsonb NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        updated_at timestamptz NOT NULL,
        CONSTRAINT pk_whistles PRIMARY KEY (id)
      )`,
      `CREATE INDEX ix_whistles_county_raised ON whistles (county_id, raised_at)`,
      `CREATE INDEX ix_whistles_county_department ON whistles (county_id, department)`,
    ];
    for (const statement of statements) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE IF EXISTS whistles');
  }
}

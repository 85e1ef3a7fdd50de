import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Counties, their townships (one enforcement team each) and the users. */
export class IdentitySchema1732400000000 implements MigrationInterface {
  name = 'IdentitySchema1732400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE counties (
        id uuid PRIMARY KEY,
        name text NOT NULL CHECK (length(name) > 0),
        created_at timestamptz NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE townships (
        id uuid PRIMARY KEY,
        county_id uuid NOT NULL REFERENCES counties (id),
        name text NOT NULL CHECK (length(name) > 0),
        team_id uuid NOT NULL,
        created_at timestamptz NOT NULL,
        CONSTRAINT uq_townships_county_name UNIQUE (county_id, name),
        CONSTRAINT uq_townships_team UNIQUE (team_id)
      )`);
    await runner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        username text NOT NULL CHECK (username = lower(username)),
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'county_admin', 'department', 'township', 'auditor')),
        county_id uuid REFERENCES counties (id),
        township_id uuid REFERENCES townships (id),
        department text,
        head boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL,
        CONSTRAINT uq_users_username UNIQUE (username),
        CONSTRAINT ck_users_county CHECK ((role = 'admin') = (county_id IS NULL)),
        CONSTRAINT ck_users_township CHECK ((role = 'township') = (township_id IS NOT NULL)),
        CONSTRAINT ck_users_department CHECK ((role = 'department') = (department IS NOT NULL))
      )`);
    await runner.query(`CREATE INDEX ix_users_county_role ON users (county_id, role)`);
    await runner.query(`CREATE INDEX ix_users_township ON users (township_id) WHERE township_id IS NOT NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE users');
    await runner.query('DROP TABLE townships');
    await runner.query('DROP TABLE counties');
  }
}

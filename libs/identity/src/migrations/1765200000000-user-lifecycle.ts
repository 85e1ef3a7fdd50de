import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Users have a lifecycle: a login can be disabled (and enabled again), and every change that must end
 * the user's sessions (disabling, a new role, a new password) raises `token_version`, which every
 * access token carries and the API compares.
 */
export class UserLifecycle1765200000000 implements MigrationInterface {
  name = 'UserLifecycle1765200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE users ADD COLUMN disabled_at timestamptz`);
    await runner.query(`ALTER TABLE users ADD COLUMN token_version integer NOT NULL DEFAULT 1 CHECK (token_version > 0)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE users DROP COLUMN token_version');
    await runner.query('ALTER TABLE users DROP COLUMN disabled_at');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Responses of POSTs sent with an Idempotency-Key, so that a repeat returns the first answer. */
export class IdempotencyKeys1735700000000 implements MigrationInterface {
  name = 'IdempotencyKeys1735700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE idempotency_keys (
        scope text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        status_code integer,
        response_body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        PRIMARY KEY (scope, key)
      )`);
    await runner.query('CREATE INDEX idx_idempotency_keys_created_at ON idempotency_keys (created_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE idempotency_keys');
  }
}

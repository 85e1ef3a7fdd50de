import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export type IdempotencyClaim =
  | { readonly kind: 'claimed' }
  | { readonly kind: 'replay'; readonly statusCode: number; readonly body: unknown }
  | { readonly kind: 'in-progress' }
  | { readonly kind: 'mismatch' };

interface StoredRow {
  request_hash: string;
  status_code: number | null;
  response_body: unknown;
}

/**
 * Claims an Idempotency-Key before the request runs (the primary key turns two concurrent repeats
 * into one winner), then keeps the first response for replay.
 */
@Injectable()
export class IdempotencyStore {
  constructor(private readonly dataSource: DataSource) {}

  async claim(scope: string, key: string, requestHash: string): Promise<IdempotencyClaim> {
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (scope, key) DO NOTHING RETURNING key`,
      [scope, key, requestHash],
    );
    if (inserted.length > 0) return { kind: 'claimed' };
    const rows: StoredRow[] = await this.dataSource.query(
      'SELECT request_hash, status_code, response_body FROM idempotency_keys WHERE scope = $1 AND key = $2',
      [scope, key],
    );
    const row = rows[0];
    if (!row) return this.claim(scope, key, requestHash); // released between our two statements
    if (row.request_hash !== requestHash) return { kind: 'mismatch' };
    if (row.status_code === null) return { kind: 'in-progress' };
    return { kind: 'replay', statusCode: row.status_code, body: row.response_body };
  }

  async complete(scope: string, key: string, statusCode: number, body: unknown): Promise<void> {
    await this.dataSource.query(
      'UPDATE idempotency_keys SET status_code = $3, response_body = $4::jsonb, completed_at = now() WHERE scope = $1 AND key = $2',
      [scope, key, statusCode, JSON.stringify(body ?? null)],
    );
  }

  /** The request failed in a way worth retrying (5xx): the key becomes free again. */
  async release(scope: string, key: string): Promise<void> {
    await this.dataSource.query('DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND status_code IS NULL', [scope, key]);
  }

  /** Keys are kept for a day; older ones are deleted by the periodic clean-up. */
  async purgeOlderThan(cutoff: Date): Promise<number> {
    const result: unknown = await this.dataSource.query('DELETE FROM idempotency_keys WHERE created_at < $1', [cutoff.toISOString()]);
    return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
  }
}

import type { InTransaction } from './event-store.types';
import type { JsonValue } from './json';
import type { DataSource } from 'typeorm';
import { runStatement } from './sql-executor';

export interface StoredSnapshot {
  readonly streamId: string;
  readonly streamVersion: number;
  readonly stateSchema: string;
  readonly state: JsonValue;
}

/**
 * One snapshot per stream: the folded state at a stream version, tagged with the name of the state's
 * shape (`state_schema`). A reader asks for its own schema name, so a snapshot of an older state shape
 * is simply not found and the aggregate is replayed from its events.
 */
export class SnapshotStore {
  constructor(private readonly dataSource: DataSource) {}

  async load(streamId: string, stateSchema: string, options: InTransaction = {}): Promise<StoredSnapshot | undefined> {
    const rows = await runStatement<{ stream_version: unknown; state: JsonValue }>(
      this.dataSource,
      options.transaction,
      'loadSnapshot',
      `SELECT stream_version, state FROM snapshots WHERE stream_id = $1 AND state_schema = $2`,
      [streamId, stateSchema],
      { idempotent: true },
    );
    const row = rows[0];
    return row ? { streamId, streamVersion: Number(row.stream_version), stateSchema, state: row.state } : undefined;
  }

  /** Saves the snapshot unless one of a later version (any schema) is already stored. */
  async save(snapshot: StoredSnapshot, options: InTransaction = {}): Promise<void> {
    await runStatement(
      this.dataSource,
      options.transaction,
      'saveSnapshot',
      `INSERT INTO snapshots (stream_id, stream_version, state_schema, state, created_at) VALUES ($1, $2, $3, $4::jsonb, now())
       ON CONFLICT (stream_id) DO UPDATE SET stream_version = EXCLUDED.stream_version, state_schema = EXCLUDED.state_schema, state = EXCLUDED.state, created_at = now()
       WHERE snapshots.stream_version < EXCLUDED.stream_version OR snapshots.state_schema <> EXCLUDED.state_schema
       RETURNING stream_id`,
      [snapshot.streamId, snapshot.streamVersion, snapshot.stateSchema, JSON.stringify(snapshot.state)],
      { idempotent: true },
    );
  }
}

import type { EntityMetadata, ObjectLiteral } from 'typeorm';
import { GATE } from '@fangquan/event-store';

/** Maps one read table's rows between entity objects and the column-named JSON PostgreSQL reads and writes. */
export class ReadTableCodec<Row extends ObjectLiteral> {
  private readonly columns: ReadonlyArray<{ readonly property: string; readonly column: string; readonly isTime: boolean }>;
  /** Upserts every row of a JSON array parameter ($1), one statement whatever the number of rows. */
  readonly upsertSql: string;
  /** The same upsert as a subscription's gated write: it takes effect only with the batch's checkpoint. */
  readonly gatedUpsertSql: string;

  constructor(metadata: EntityMetadata) {
    this.columns = metadata.columns.map((column) => ({
      property: column.propertyName,
      column: column.databaseName,
      isTime: column.type === 'timestamptz',
    }));
    const quoted = (name: string): string => `"${name}"`;
    const names = this.columns.map((column) => quoted(column.column));
    const keys = metadata.primaryColumns.map((column) => quoted(column.databaseName));
    const updates = names.filter((name) => !keys.includes(name)).map((name) => `${name} = EXCLUDED.${name}`);
    const upsert = (condition: string): string =>
      `INSERT INTO ${quoted(metadata.tableName)} (${names.join(', ')}) ` +
      `SELECT ${names.join(', ')} FROM jsonb_populate_recordset(NULL::${quoted(metadata.tableName)}, $1::jsonb)${condition} ` +
      `ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${updates.join(', ')}`;
    this.upsertSql = upsert('');
    this.gatedUpsertSql = upsert(` WHERE ${GATE}`);
  }

  fromRecord(record: Record<string, unknown>): Row {
    const row: Record<string, unknown> = {};
    for (const { property, column, isTime } of this.columns) {
      const value = record[column];
      row[property] = isTime && typeof value === 'string' ? new Date(value) : value;
    }
    return row as Row;
  }

  toRecord(row: Row): Record<string, unknown> {
    const record: Record<string, unknown> = {};
    for (const { property, column } of this.columns) record[column] = row[property];
    return record;
  }
}

const codecs = new WeakMap<EntityMetadata, ReadTableCodec<ObjectLiteral>>();

/** The codec of an entity's table (made once per entity). */
export function codecOf<Row extends ObjectLiteral>(metadata: EntityMetadata): ReadTableCodec<Row> {
  let codec = codecs.get(metadata);
  if (codec === undefined) {
    codec = new ReadTableCodec<ObjectLiteral>(metadata);
    codecs.set(metadata, codec);
  }
  return codec as ReadTableCodec<Row>;
}

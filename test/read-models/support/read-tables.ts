import type { DataSource } from 'typeorm';
import { READ_TABLES } from '@fangquan/read-models';

const ORDER: Record<(typeof READ_TABLES)[number], string> = {
  power_items: 'county_id, code',
  teams: 'team_id',
  handovers: 'id',
};

/** Every read table as JSON text, rows in key order: equal strings ⇔ equal tables. */
export async function dumpReadTables(dataSource: DataSource): Promise<string> {
  const parts: string[] = [];
  for (const table of READ_TABLES) {
    const [row] = (await dataSource.query(
      `SELECT coalesce(json_agg(t ORDER BY ${ORDER[table]}), '[]'::json)::text AS dump FROM ${table} t`,
    )) as { dump: string }[];
    parts.push(`${table}: ${row?.dump ?? ''}`);
  }
  return parts.join('\n');
}

import type { EntityManager } from 'typeorm';
import {
  type DomainEvent,
  deadlineOf,
  evolveWhistle,
  isWhistleEvent,
  type RaisedWhistle,
  stepInProgress,
  type WhistleEvent,
  whistleIdOf,
  type WhistleState,
} from '@fangquan/domain';
import { GATE, type GatedWrite, type RecordedEvent } from '@fangquan/event-store';
import { isNewFor, placeOf } from './event-place';

/** The rows of the batch's whistles as they stand, in one statement. */
const LOAD_SQL = `SELECT id, state, version FROM whistles WHERE id = ANY($1::text[])`;

/** Each changed whistle's row; a row that already includes a later version keeps it. */
const UPSERT_SQL = `INSERT INTO whistles (id, county_id, township_id, department, co_departments, status, overdue, next_deadline, raised_at, state, version, updated_at)
  SELECT id, county_id, township_id, department, co_departments, status, overdue, next_deadline, raised_at, state, version, updated_at
  FROM jsonb_to_recordset($1::jsonb) AS x(id text, county_id text, township_id text, department text, co_departments jsonb, status text,
    overdue boolean, next_deadline timestamptz, raised_at timestamptz, state jsonb, version int, updated_at timestamptz)
  WHERE ${GATE}
  ON CONFLICT (id) DO UPDATE SET department = EXCLUDED.department, co_departments = EXCLUDED.co_departments, status = EXCLUDED.status,
    overdue = EXCLUDED.overdue, next_deadline = EXCLUDED.next_deadline, state = EXCLUDED.state, version = EXCLUDED.version,
    updated_at = EXCLUDED.updated_at
  WHERE whistles.version < EXCLUDED.version`;

interface Held {
  state: WhistleState;
  version: number;
  updatedAt: Date | null;
}

/** The row of a whistle's state: the columns lists filter and sort by, and the state itself. */
export function whistleRow(state: RaisedWhistle, version: number, updatedAt: Date): Record<string, unknown> {
  const step = stepInProgress(state.status);
  return {
    id: state.whistleId,
    county_id: state.countyId,
    township_id: state.townshipId,
    department: state.department,
    co_departments: state.coDepartments,
    status: state.status,
    overdue: state.overdue.length > 0,
    next_deadline: step === undefined ? null : deadlineOf(state.deadlines, step),
    raised_at: state.raisedAt,
    state,
    version,
    updated_at: updatedAt.toISOString(),
  };
}

/**
 * The batch's writes to `whistles`: the rows of the whistles it names are read in one statement, the
 * events applied with the domain's own `evolveWhistle` in log order (older or equal versions skipped),
 * and every changed row written in one gated upsert. None when the batch has no whistle event.
 */
export async function whistleWrites(events: readonly RecordedEvent[], reader: EntityManager): Promise<GatedWrite[]> {
  const placed: { id: string; recorded: RecordedEvent; event: WhistleEvent }[] = [];
  for (const recorded of events) {
    const event: DomainEvent = { type: recorded.type, data: recorded.data };
    if (!isWhistleEvent(event)) continue;
    const id = event.type === 'WhistleRaised' ? event.data.whistleId : whistleIdOf(recorded.streamId);
    if (id !== undefined) placed.push({ id, recorded, event });
  }
  if (placed.length === 0) return [];
  const held = new Map<string, Held>();
  const rows = (await reader.query(LOAD_SQL, [[...new Set(placed.map((entry) => entry.id))]])) as {
    id: string;
    state: RaisedWhistle;
    version: number;
  }[];
  for (const row of rows) held.set(row.id, { state: row.state, version: row.version, updatedAt: null });
  for (const { id, recorded, event } of placed) {
    const current = held.get(id) ?? { state: { status: 'none' } as WhistleState, version: 0, updatedAt: null };
    const place = placeOf(recorded);
    if (!isNewFor(current.version, place)) continue;
    held.set(id, { state: evolveWhistle(current.state, event), version: place.version, updatedAt: place.occurredAt });
  }
  const changed = [...held.values()].flatMap((entry) =>
    entry.updatedAt === null || entry.state.status === 'none' ? [] : [whistleRow(entry.state, entry.version, entry.updatedAt)],
  );
  return changed.length === 0 ? [] : [{ sql: UPSERT_SQL, parameters: [JSON.stringify(changed)] }];
}

import { type DomainEvent, isDutyEvent, isDutyListEvent, type DutyListPublished, type DutyRecord } from '@fangquan/domain';
import { GATE, type GatedWrite, type RecordedEvent } from '@fangquan/event-store';
import { placeOf } from './event-place';

/**
 * The duty catalogue's rows: each DutyRegistered/DutyRevised carries the whole item, so a row is the
 * last event of its stream, written without reading; a row that already includes a later version keeps it.
 */
const UPSERT_DUTIES_SQL = `INSERT INTO duties (county_id, code, name, domain, default_category, description, legal_basis, lead_department, power_code, contact, version, updated_at)
  SELECT county_id, code, name, domain, default_category, description, legal_basis, lead_department, power_code, contact, version, updated_at
  FROM jsonb_to_recordset($1::jsonb) AS x(county_id text, code text, name text, domain text, default_category text, description text,
    legal_basis text, lead_department text, power_code text, contact text, version int, updated_at timestamptz)
  WHERE ${GATE}
  ON CONFLICT (county_id, code) DO UPDATE SET name = EXCLUDED.name, domain = EXCLUDED.domain, default_category = EXCLUDED.default_category,
    description = EXCLUDED.description, legal_basis = EXCLUDED.legal_basis, lead_department = EXCLUDED.lead_department,
    power_code = EXCLUDED.power_code, contact = EXCLUDED.contact, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
  WHERE duties.version < EXCLUDED.version`;

/** A published version never changes: written once, a replay leaves it. */
const INSERT_PUBLICATIONS_SQL = `INSERT INTO duty_list_publications (township_id, version, county_id, published_at, decision_ref, note, items, changes)
  SELECT township_id, version, county_id, published_at, decision_ref, note, items, changes
  FROM jsonb_to_recordset($1::jsonb) AS x(township_id text, version int, county_id text, published_at timestamptz, decision_ref text,
    note text, items jsonb, changes jsonb)
  WHERE ${GATE}
  ON CONFLICT (township_id, version) DO NOTHING`;

function dutyRow(duty: DutyRecord, version: number, updatedAt: Date): Record<string, unknown> {
  return {
    county_id: duty.countyId,
    code: duty.code,
    name: duty.name,
    domain: duty.domain,
    default_category: duty.defaultCategory,
    description: duty.description ?? null,
    legal_basis: duty.legalBasis ?? null,
    lead_department: duty.leadDepartment ?? null,
    power_code: duty.powerCode ?? null,
    contact: duty.contact ?? null,
    version,
    updated_at: updatedAt.toISOString(),
  };
}

function publicationRow({ data }: DutyListPublished): Record<string, unknown> {
  return {
    township_id: data.townshipId,
    version: data.version,
    county_id: data.countyId,
    published_at: data.publishedAt,
    decision_ref: data.decisionRef,
    note: data.note ?? null,
    items: data.items,
    changes: data.changes,
  };
}

/** The batch's writes to `duties` and `duty_list_publications`: one statement each, none when the batch has no such event. */
export function dutyWrites(events: readonly RecordedEvent[]): GatedWrite[] {
  const duties = new Map<string, Record<string, unknown>>();
  const publications: Record<string, unknown>[] = [];
  for (const recorded of events) {
    const event: DomainEvent = { type: recorded.type, data: recorded.data };
    if (isDutyEvent(event)) {
      const place = placeOf(recorded);
      duties.set(`${event.data.countyId}\u0000${event.data.code}`, dutyRow(event.data, place.version, place.occurredAt));
    } else if (isDutyListEvent(event) && event.type === 'DutyListPublished') {
      publications.push(publicationRow(event));
    }
  }
  const writes: GatedWrite[] = [];
  if (duties.size > 0) writes.push({ sql: UPSERT_DUTIES_SQL, parameters: [JSON.stringify([...duties.values()])] });
  if (publications.length > 0) writes.push({ sql: INSERT_PUBLICATIONS_SQL, parameters: [JSON.stringify(publications)] });
  return writes;
}

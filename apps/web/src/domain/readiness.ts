import { assessReadiness, type TeamCapacity } from '@domain/readiness/readiness';
import type { Commitments, Gap, Requirements, Team } from '../api/types';

/**
 * Readiness in the browser: the domain library's own `assessReadiness` (bundled from
 * libs/domain), fed with what the public API returns, so the preview applies the server's rule.
 */

/** Today in the county's time zone (GET /config), `YYYY-MM-DD` (what the server calls today). */
export function countyToday(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function isDate(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
}

/** The team as readiness sees it: current officers, equipment on hand, training of the current officers. */
export function capacityOf(team: Team): TeamCapacity {
  const current = new Set(team.officers.map((officer) => officer.officerId));
  return {
    officers: team.officers.map(({ officerId, certificateNumber, certificateExpiresOn }) => ({
      officerId,
      certificateNumber,
      certificateExpiresOn,
    })),
    equipment: team.equipment.map(({ kind, quantity }) => ({ kind, quantity })),
    training: team.training
      .filter((record) => current.has(record.officerId))
      .map(({ officerId, course, hours }) => ({ officerId, course, hours })),
  };
}

export interface PreviewInput {
  requirements: Requirements;
  team: Team;
  committed: Commitments;
  department: string;
  effectiveOn: string | undefined;
  /** Today in the county (`useCountyConfig().today()`). */
  today: string;
}

export function previewGaps(input: PreviewInput): Gap[] {
  const today = input.today;
  return assessReadiness({
    requirements: input.requirements,
    team: capacityOf(input.team),
    committed: {
      officers: input.committed.officers ?? [],
      equipment: input.committed.equipment ?? [],
      training: input.committed.training ?? [],
    },
    department: input.department,
    effectiveOn: isDate(input.effectiveOn) ? input.effectiveOn : today,
    today,
  });
}

/** One line of "what the power requires against what the team has". */
export interface RequirementRow {
  key: string;
  resource: Gap['resource'];
  item: string;
  required: number;
  available: number;
  missing: number;
  /** Training: hours each officer needs. */
  hours?: number;
}

/**
 * Every requirement with what the team has (not only the gaps): officers with a certificate valid
 * as of the later of today and the effective date, officers who completed each course's hours,
 * equipment on hand. The missing counts are the gaps of the same rule.
 */
export function requirementRows(requirements: Requirements, team: Team, effectiveOn: string | undefined, today: string): RequirementRow[] {
  const asOf = isDate(effectiveOn) && effectiveOn > today ? effectiveOn : today;
  const certified = team.officers.filter((officer) => officer.certificateExpiresOn >= asOf);
  const certifiedIds = new Set(certified.map((officer) => officer.officerId));
  const rows: RequirementRow[] = [];
  const required = requirements.certifiedOfficers;
  const row = (resource: Gap['resource'], item: string, need: number, have: number, hours?: number) =>
    rows.push({
      key: `${resource}:${item}`,
      resource,
      item,
      required: need,
      available: have,
      missing: Math.max(0, need - have),
      ...(hours === undefined ? {} : { hours }),
    });
  row('officers', 'certified-officer', required, certified.length);
  const courses = new Map<string, number>();
  for (const { course, hours } of requirements.training) courses.set(course, Math.max(courses.get(course) ?? 0, hours));
  for (const [course, hours] of courses) {
    const byOfficer = new Map<string, number>();
    for (const record of team.training) {
      if (record.course !== course || !certifiedIds.has(record.officerId)) continue;
      byOfficer.set(record.officerId, (byOfficer.get(record.officerId) ?? 0) + record.hours);
    }
    row('training', course, required, [...byOfficer.values()].filter((sum) => sum >= hours).length, hours);
  }
  const kinds = new Map<string, number>();
  for (const { kind, quantity } of requirements.equipment) kinds.set(kind, (kinds.get(kind) ?? 0) + quantity);
  for (const [kind, quantity] of kinds) {
    row(
      'equipment',
      kind,
      quantity,
      team.equipment.filter((line) => line.kind === kind).reduce((sum, line) => sum + line.quantity, 0),
    );
  }
  return rows;
}

/** Days from today (county time) to `date`; negative when past. */
export function daysUntil(date: string, today: string): number {
  const day = (value: string) => Date.UTC(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, Number(value.slice(8, 10)));
  return Math.round((day(date) - day(today)) / 86_400_000);
}

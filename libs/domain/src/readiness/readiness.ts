import { laterOf } from '../calendar';
import { fnv1a64 } from './fnv1a64';
import type { Commitments, EquipmentLine, Requirements } from '../resources';

/**
 * Readiness: a power's requirements against a team's capacity as it is (delivered, not promised).
 * One pure function; the application computes gaps with it and passes them to the handover.
 */

export const GAP_RESOURCES = ['officers', 'training', 'equipment'] as const;
export type GapResource = (typeof GAP_RESOURCES)[number];

export const CERTIFIED_OFFICER_ITEM = 'certified-officer';
export const COUNTY_OFFICE = 'county-office';

export interface Gap {
  resource: GapResource;
  /** 'certified-officer' for officers, the course for training, the kind for equipment. */
  item: string;
  required: number;
  available: number;
  missing: number;
  /** The department that committed the missing resource and has not delivered it, else 'county-office'. */
  responsible: string;
}

/** What a team has now; `teamCapacity(teamState)` builds it. */
export interface TeamCapacity {
  officers: { officerId: string; certificateNumber: string; certificateExpiresOn: string }[];
  equipment: EquipmentLine[];
  /** Completed training of the current officers. */
  training: { officerId: string; course: string; hours: number }[];
}

export interface ReadinessInput {
  requirements: Requirements;
  team: TeamCapacity;
  committed: Commitments;
  /** The department handing the power over (responsible for what it committed). */
  department: string;
  effectiveOn: string;
  today: string;
}

export function assessReadiness(input: ReadinessInput): Gap[] {
  const { requirements, team, committed, department } = input;
  const asOf = laterOf(input.today, input.effectiveOn);

  // A certificate is valid through its expiry date.
  const certified = team.officers.filter((officer) => officer.certificateExpiresOn >= asOf);
  const certifiedIds = new Set(certified.map((officer) => officer.officerId));
  const gaps: Gap[] = [];

  const officersRequired = requirements.certifiedOfficers;
  pushGap(gaps, 'officers', CERTIFIED_OFFICER_ITEM, officersRequired, certified.length, officersResponsible(committed, team, department));

  for (const { course, hours } of mergeTraining(requirements.training)) {
    const hoursByOfficer = new Map<string, number>();
    for (const record of team.training) {
      if (record.course !== course || !certifiedIds.has(record.officerId)) continue;
      hoursByOfficer.set(record.officerId, (hoursByOfficer.get(record.officerId) ?? 0) + record.hours);
    }
    const trained = [...hoursByOfficer.values()].filter((sum) => sum >= hours).length;
    const responsible = committed.training.some((session) => session.course === course) ? department : COUNTY_OFFICE;
    pushGap(gaps, 'training', course, officersRequired, trained, responsible);
  }

  for (const { kind, quantity } of mergeEquipment(requirements.equipment)) {
    const onHand = team.equipment.filter((line) => line.kind === kind).reduce((sum, line) => sum + line.quantity, 0);
    const responsible = committed.equipment.some((line) => line.kind === kind) ? department : COUNTY_OFFICE;
    pushGap(gaps, 'equipment', kind, quantity, onHand, responsible);
  }
  return gaps;
}

export function isReady(gaps: readonly Gap[]): boolean {
  return gaps.length === 0;
}

/** The `readiness` object of the HTTP contract. */
export function toReadiness(gaps: readonly Gap[]): { ready: boolean; gaps: Gap[] } {
  return { ready: isReady(gaps), gaps: [...gaps] };
}

/**
 * A stable, order-independent fingerprint of what is missing (resource, item, missing count):
 * 16 hex digits, safe inside a BullMQ job id (`handover:<fingerprint>:<step>`, no ':').
 * The same gaps give the same fingerprint; any change of what is missing gives another.
 */
export function gapFingerprint(gaps: readonly Gap[]): string {
  const canonical = gaps
    .map((gap) => JSON.stringify([gap.resource, gap.item, gap.missing]))
    .sort()
    .join('\n');
  return fnv1a64(canonical);
}

/**
 * Officers: the department is responsible when it committed officers and at least one of them
 * (matched by certificate number) is not on the team yet; once every promised officer has
 * arrived the remaining shortfall is the county office's.
 */
function officersResponsible(committed: Commitments, team: TeamCapacity, department: string): string {
  const onTeam = new Set(team.officers.map((officer) => officer.certificateNumber));
  const undelivered = committed.officers.some((officer) => !onTeam.has(officer.certificateNumber));
  return undelivered ? department : COUNTY_OFFICE;
}

function pushGap(gaps: Gap[], resource: GapResource, item: string, required: number, available: number, responsible: string): void {
  const missing = required - available;
  if (missing > 0) gaps.push({ resource, item, required, available, missing, responsible });
}

function byKey(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Requirements are validated free of duplicates; merging keeps the function total anyway. */
function mergeEquipment(lines: readonly EquipmentLine[]): EquipmentLine[] {
  const merged = new Map<string, number>();
  for (const { kind, quantity } of lines) merged.set(kind, (merged.get(kind) ?? 0) + quantity);
  return [...merged.entries()].map(([kind, quantity]) => ({ kind, quantity })).sort((a, b) => byKey(a.kind, b.kind));
}

function mergeTraining(lines: Requirements['training']): Requirements['training'] {
  const merged = new Map<string, number>();
  for (const { course, hours } of lines) merged.set(course, Math.max(merged.get(course) ?? 0, hours));
  return [...merged.entries()].map(([course, hours]) => ({ course, hours })).sort((a, b) => byKey(a.course, b.course));
}

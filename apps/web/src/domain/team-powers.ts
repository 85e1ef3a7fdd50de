import type { Commitments, Gap, Handover, Power, Team } from '../api/types';
import { previewGaps } from './readiness';

/** One committed line and whether the team has it now (delivered) or not yet. */
export interface CommittedLine {
  key: string;
  resource: Gap['resource'];
  /** Officer: name and certificate; equipment: the kind; training: the course. */
  item: string;
  quantity: number;
  delivered: boolean;
}

/**
 * What the department committed, line by line, against the team as it is (computed in the browser
 * from GET /teams/:id, by the readiness rule's own matching): an officer is delivered once on the team
 * (by certificate number), equipment once the team holds that many of the kind, training once a
 * current officer completed the course with the committed hours.
 */
export function committedDelivery(committed: Commitments, team: Team): CommittedLine[] {
  const certificates = new Set(team.officers.map((officer) => officer.certificateNumber));
  const current = new Set(team.officers.map((officer) => officer.officerId));
  const onHand = (kind: string) => team.equipment.filter((line) => line.kind === kind).reduce((sum, line) => sum + line.quantity, 0);
  const trained = (course: string, hours: number) => {
    const byOfficer = new Map<string, number>();
    for (const record of team.training)
      if (record.course === course && current.has(record.officerId))
        byOfficer.set(record.officerId, (byOfficer.get(record.officerId) ?? 0) + record.hours);
    return [...byOfficer.values()].some((sum) => sum >= hours);
  };
  return [
    ...(committed.officers ?? []).map((officer) => ({
      key: `officers:${officer.certificateNumber}`,
      resource: 'officers' as const,
      item: `${officer.name}（${officer.certificateNumber}）`,
      quantity: 1,
      delivered: certificates.has(officer.certificateNumber),
    })),
    ...(committed.equipment ?? []).map((line, index) => ({
      key: `equipment:${line.kind}:${index}`,
      resource: 'equipment' as const,
      item: line.kind,
      quantity: line.quantity,
      delivered: onHand(line.kind) >= line.quantity,
    })),
    ...(committed.training ?? []).map((line, index) => ({
      key: `training:${line.course}:${index}`,
      resource: 'training' as const,
      item: line.course,
      quantity: line.hours,
      delivered: trained(line.course, line.hours),
    })),
  ];
}

/** A handover the team holds, with its power's requirements. */
export interface HeldPower {
  handover: Handover;
  power: Power;
}

/** A power that would lose readiness, and the gaps it would have. */
export interface LostReadiness {
  handover: Handover;
  gaps: Gap[];
}

/**
 * The accepted or active handovers, ready today, that an officer's leaving would leave with gaps:
 * the domain's readiness rule applied to the team without that officer (and the training only they had).
 */
export function readinessLostIfOfficerLeaves(held: readonly HeldPower[], team: Team, officerId: string, today: string): LostReadiness[] {
  const without: Team = { ...team, officers: team.officers.filter((officer) => officer.officerId !== officerId) };
  const lost: LostReadiness[] = [];
  for (const { handover, power } of held) {
    if (handover.status !== 'accepted' && handover.status !== 'active') continue;
    const input = {
      requirements: power.requirements,
      committed: handover.committed,
      department: handover.department,
      effectiveOn: handover.effectiveOn,
      today,
    };
    if (previewGaps({ ...input, team }).length > 0) continue;
    const gaps = previewGaps({ ...input, team: without });
    if (gaps.length > 0) lost.push({ handover, gaps });
  }
  return lost;
}

import { assessReadiness, CERTIFIED_OFFICER_ITEM, type Gap, type TeamCapacity } from '../readiness/readiness';
import { noCommitments, type EquipmentLine, type Requirements } from '../resources';

/**
 * The batch planner (成熟一批、赋予一批): before handing a set of powers to a set of townships, which
 * township is ready for which power, what is missing where, and the county-wide total of it. Each pair is
 * the power's current requirements against the township team's current capacity, with no commitments
 * (nothing is promised yet) and the power's department as the handing department, judged by the domain's
 * one readiness function as of the later of today and the effective date. Pure; nothing is written.
 */

export interface PlannedPower {
  code: string;
  department: string;
  requirements: Requirements;
}

export interface PlannedTownship {
  townshipId: string;
  /** The township team's capacity now; null while the township has no team (every requirement is missing). */
  team: TeamCapacity | null;
}

export interface HandoverBatchInput {
  powers: readonly PlannedPower[];
  townships: readonly PlannedTownship[];
  effectiveOn: string;
  today: string;
}

export interface PlannedPair {
  townshipId: string;
  powerCode: string;
}

export interface TrainingShortfall {
  course: string;
  /** Officers still to be trained on the course. */
  officers: number;
  /** Training hours to give: per pair, the officers missing times the hours the power requires of the course. */
  hours: number;
}

/** What is missing: certified officers, equipment by kind, training by course. */
export interface Shortfall {
  officers: number;
  equipment: EquipmentLine[];
  training: TrainingShortfall[];
}

export interface HandoverBatchPlan {
  effectiveOn: string;
  ready: PlannedPair[];
  notReady: (PlannedPair & { gaps: Gap[] })[];
  /** The sum of every pair's gaps. */
  missing: Shortfall;
  /**
   * Per township, what its team lacks to be ready for all its pairs at once: the team is shared by the
   * powers, so each item is the largest shortfall of it over the township's pairs.
   */
  byTownship: (Shortfall & { townshipId: string })[];
}

const noTeam: TeamCapacity = { officers: [], equipment: [], training: [] };

/** Townships in the order given, powers within each in the order given. */
export function planHandoverBatch(input: HandoverBatchInput): HandoverBatchPlan {
  const ready: PlannedPair[] = [];
  const notReady: (PlannedPair & { gaps: Gap[] })[] = [];
  const total = new ShortfallTally('sum');
  const byTownship: (Shortfall & { townshipId: string })[] = [];
  for (const { townshipId, team } of input.townships) {
    const township = new ShortfallTally('max');
    for (const power of input.powers) {
      const gaps = assessReadiness({
        requirements: power.requirements,
        team: team ?? noTeam,
        committed: noCommitments(),
        department: power.department,
        effectiveOn: input.effectiveOn,
        today: input.today,
      });
      const pair = { townshipId, powerCode: power.code };
      if (gaps.length === 0) ready.push(pair);
      else notReady.push({ ...pair, gaps });
      total.add(gaps, power.requirements);
      township.add(gaps, power.requirements);
    }
    byTownship.push({ townshipId, ...township.result() });
  }
  return { effectiveOn: input.effectiveOn, ready, notReady, missing: total.result(), byTownship };
}

/** Adds gaps up (`sum`, the county's total) or keeps the largest of each item (`max`, one shared team). */
class ShortfallTally {
  private officers = 0;
  private readonly equipment = new Map<string, number>();
  private readonly training = new Map<string, { officers: number; hours: number }>();

  constructor(private readonly mode: 'sum' | 'max') {}

  add(gaps: readonly Gap[], requirements: Requirements): void {
    for (const gap of gaps) {
      if (gap.resource === 'officers' && gap.item === CERTIFIED_OFFICER_ITEM) this.officers = this.combine(this.officers, gap.missing);
      else if (gap.resource === 'equipment') this.equipment.set(gap.item, this.combine(this.equipment.get(gap.item) ?? 0, gap.missing));
      else if (gap.resource === 'training') {
        const hours = gap.missing * requiredHours(requirements, gap.item);
        const soFar = this.training.get(gap.item) ?? { officers: 0, hours: 0 };
        this.training.set(gap.item, { officers: this.combine(soFar.officers, gap.missing), hours: this.combine(soFar.hours, hours) });
      }
    }
  }

  result(): Shortfall {
    return {
      officers: this.officers,
      equipment: [...this.equipment.entries()].sort(byFirst).map(([kind, quantity]) => ({ kind, quantity })),
      training: [...this.training.entries()].sort(byFirst).map(([course, { officers, hours }]) => ({ course, officers, hours })),
    };
  }

  private combine(a: number, b: number): number {
    return this.mode === 'sum' ? a + b : Math.max(a, b);
  }
}

/** The hours a power requires of a course (the largest, should a course be listed twice). */
function requiredHours(requirements: Requirements, course: string): number {
  return requirements.training.filter((line) => line.course === course).reduce((most, line) => Math.max(most, line.hours), 0);
}

function byFirst<T>(a: readonly [string, T], b: readonly [string, T]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

import { assessReadiness, toReadiness, type Commitments, type Gap, type Requirements } from '@fangquan/domain';
import type { TeamView } from '../entities/team-view.entity';
import { capacityOf } from './team-view.mapper';

export interface Readiness {
  ready: boolean;
  gaps: Gap[];
}

/** What of a team readiness reads. */
export type TeamResources = Pick<TeamView, 'officers' | 'equipment' | 'training'>;

export interface HandoverTerms {
  committed: Commitments;
  department: string;
  effectiveOn: string;
}

/**
 * A handover's readiness from the current power and team rows, as of `today` (the domain takes the
 * later of today and the effective date). Without the power's requirements nothing can be judged:
 * no gaps, and not ready.
 */
export function readinessOf(
  handover: HandoverTerms,
  requirements: Requirements | null,
  team: TeamResources | null,
  today: string,
): Readiness {
  if (requirements === null) return { ready: false, gaps: [] };
  const gaps = assessReadiness({
    requirements,
    team: capacityOf(team),
    committed: handover.committed,
    department: handover.department,
    effectiveOn: handover.effectiveOn,
    today,
  });
  return toReadiness(gaps);
}

/** Readiness equality by value (jsonb hands objects back with its own key order). */
export function sameReadiness(a: Readiness, b: Readiness): boolean {
  return a.ready === b.ready && canonicalJson(a.gaps) === canonicalJson(b.gaps);
}

/** JSON with object keys sorted, so that equal values give equal text whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

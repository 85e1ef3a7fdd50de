import type { RecordedHandover } from '../handover/state';
import { assessReadiness, type Gap, type TeamCapacity } from '../readiness/readiness';
import { teamCapacity } from '../team/state';
import type { LogReplay } from './replay';

/** A handover's readiness at the end of a day of a replay; `gaps` empty when its power is unknown (then not ready). */
export interface ReadinessAt {
  readonly ready: boolean;
  readonly gaps: Gap[];
}

/**
 * Readiness inside a replay, by the domain's one readiness function, with each team's capacity built
 * once until its next event (a team carries hundreds of handovers).
 */
export class ReplayReadiness {
  private readonly capacities = new Map<string, TeamCapacity>();

  constructor(private readonly replay: LogReplay) {}

  /** The team's roster changed: its capacity is built again when next asked for. */
  teamChanged(teamId: string): void {
    this.capacities.delete(teamId);
  }

  capacityOf(teamId: string): TeamCapacity {
    let capacity = this.capacities.get(teamId);
    if (capacity === undefined) {
      capacity = teamCapacity(this.replay.teams.get(teamId) ?? { status: 'none' });
      this.capacities.set(teamId, capacity);
    }
    return capacity;
  }

  /** As of the end of `day`. */
  of(handover: RecordedHandover, day: string): ReadinessAt {
    const power = this.replay.powers.get(handover.powerCode);
    if (power === undefined || power.status !== 'registered') return { ready: false, gaps: [] };
    const gaps = assessReadiness({
      requirements: power.requirements,
      team: this.capacityOf(handover.teamId),
      committed: handover.committed,
      department: handover.department,
      effectiveOn: handover.effectiveOn,
      today: day,
    });
    return { ready: gaps.length === 0, gaps };
  }
}

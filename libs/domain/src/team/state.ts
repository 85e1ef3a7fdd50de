import type { EquipmentLine } from '../resources';
import type { TeamCapacity } from '../readiness/readiness';
import type { OfficerJoined, TeamFormed, TrainingCompleted } from './events';

/** An officer as the joining recorded it. */
export type Officer = OfficerJoined['data'];

/** A completed training as recorded. */
export type TrainingRecord = TrainingCompleted['data'];

export type FormedTeam = { status: 'formed' } & TeamFormed['data'] & TeamHoldings;

/** What a team holds, built up by its events after the forming. */
interface TeamHoldings {
  /** Current officers only. */
  officers: Officer[];
  /** On hand, sorted by kind; kinds at zero are removed. */
  equipment: EquipmentLine[];
  /** Every training ever recorded, including that of officers who have left. */
  training: TrainingRecord[];
}

export type TeamState = { status: 'none' } | FormedTeam;

export const initialTeamState: TeamState = { status: 'none' };

/** The team as readiness sees it: current officers, equipment on hand, their completed training. */
export function teamCapacity(state: TeamState): TeamCapacity {
  if (state.status === 'none') return { officers: [], equipment: [], training: [] };
  const current = new Set(state.officers.map((officer) => officer.officerId));
  return {
    officers: state.officers.map(({ officerId, certificateNumber, certificateExpiresOn }) => ({
      officerId,
      certificateNumber,
      certificateExpiresOn,
    })),
    equipment: state.equipment.map(({ kind, quantity }) => ({ kind, quantity })),
    training: state.training
      .filter((record) => current.has(record.officerId))
      .map(({ officerId, course, hours }) => ({ officerId, course, hours })),
  };
}

export function equipmentOnHand(state: FormedTeam, kind: string): number {
  return state.equipment.find((line) => line.kind === kind)?.quantity ?? 0;
}

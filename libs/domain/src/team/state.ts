import type { EquipmentLine } from '../resources';
import type { TeamCapacity } from '../readiness/readiness';

export interface Officer {
  officerId: string;
  name: string;
  certificateNumber: string;
  certificateExpiresOn: string;
  secondedFrom?: string;
}

export interface TrainingRecord {
  trainingId: string;
  officerId: string;
  course: string;
  hours: number;
  completedOn: string;
}

export interface FormedTeam {
  status: 'formed';
  teamId: string;
  countyId: string;
  townshipId: string;
  townshipName: string;
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

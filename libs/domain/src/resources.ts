/** Value types shared by the catalogue (requirements), the handover (commitments) and readiness. */

export const POWER_CATEGORIES = ['penalty', 'inspection', 'coercion', 'permit', 'other'] as const;
export type PowerCategory = (typeof POWER_CATEGORIES)[number];

/** `kind` e.g. 'body-camera', 'vehicle'. */
export interface EquipmentLine {
  kind: string;
  quantity: number;
}

export interface TrainingRequirement {
  course: string;
  hours: number;
}

/** What a power item needs from the team that carries it out. */
export interface Requirements {
  /** Officers holding a valid certificate; also how many of them must have each training course. */
  certifiedOfficers: number;
  equipment: EquipmentLine[];
  training: TrainingRequirement[];
}

export interface CommittedOfficer {
  name: string;
  certificateNumber: string;
  certificateExpiresOn: string;
}

export interface CommittedTraining {
  course: string;
  hours: number;
  scheduledOn: string;
}

/** The resources a department promises with a handover (promised, not delivered). */
export interface Commitments {
  officers: CommittedOfficer[];
  equipment: EquipmentLine[];
  training: CommittedTraining[];
  budgetYuan?: number;
}

export const noCommitments = (): Commitments => ({ officers: [], equipment: [], training: [] });

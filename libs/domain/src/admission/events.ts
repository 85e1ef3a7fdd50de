import type { DomainEvent } from '../decider';
import type { EquipmentLine, TrainingRequirement } from '../resources';

/** The means that come with a task: staff (people), money, equipment and training. */
export interface TaskMeans {
  staff?: number;
  budgetYuan?: number;
  equipment: EquipmentLine[];
  training: TrainingRequirement[];
}

export type TaskAdmissionFiled = DomainEvent<
  'TaskAdmissionFiled',
  {
    admissionId: string;
    countyId: string;
    department: string;
    title: string;
    description: string;
    townshipIds: string[];
    legalBasis?: string;
    means: TaskMeans;
    startsOn: string;
    endsOn?: string;
    filedBy: string;
    filedAt: string;
  }
>;

export type TaskAdmitted = DomainEvent<'TaskAdmitted', { reason: string; decidedBy: string; decidedAt: string }>;

export type TaskAdmissionRefused = DomainEvent<'TaskAdmissionRefused', { reason: string; decidedBy: string; decidedAt: string }>;

export type AdmissionEvent = TaskAdmissionFiled | TaskAdmitted | TaskAdmissionRefused;

export const ADMISSION_EVENT_TYPES = [
  'TaskAdmissionFiled',
  'TaskAdmitted',
  'TaskAdmissionRefused',
] as const satisfies readonly AdmissionEvent['type'][];

export function isAdmissionEvent(event: DomainEvent): event is AdmissionEvent {
  return (ADMISSION_EVENT_TYPES as readonly string[]).includes(event.type);
}

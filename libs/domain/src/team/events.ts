import type { DomainEvent } from '../decider';

export type TeamFormed = DomainEvent<'TeamFormed', { teamId: string; countyId: string; townshipId: string; townshipName: string }>;

export type OfficerJoined = DomainEvent<
  'OfficerJoined',
  { officerId: string; name: string; certificateNumber: string; certificateExpiresOn: string; secondedFrom?: string }
>;

export type OfficerLeft = DomainEvent<'OfficerLeft', { officerId: string; reason?: string }>;

export type EquipmentReceived = DomainEvent<'EquipmentReceived', { kind: string; quantity: number }>;

export type EquipmentWrittenOff = DomainEvent<'EquipmentWrittenOff', { kind: string; quantity: number; reason: string }>;

export type TrainingCompleted = DomainEvent<
  'TrainingCompleted',
  { trainingId: string; officerId: string; course: string; hours: number; completedOn: string }
>;

export type TeamEvent = TeamFormed | OfficerJoined | OfficerLeft | EquipmentReceived | EquipmentWrittenOff | TrainingCompleted;

export const TEAM_EVENT_TYPES = [
  'TeamFormed',
  'OfficerJoined',
  'OfficerLeft',
  'EquipmentReceived',
  'EquipmentWrittenOff',
  'TrainingCompleted',
] as const satisfies readonly TeamEvent['type'][];

export function isTeamEvent(event: DomainEvent): event is TeamEvent {
  return (TEAM_EVENT_TYPES as readonly string[]).includes(event.type);
}

import type { DomainEvent } from '../decider';
import type { DutyFields } from './commands';

/** A duty item as the catalogue holds it. */
export type DutyRecord = { countyId: string; code: string } & DutyFields;

export type DutyRegistered = DomainEvent<'DutyRegistered', DutyRecord>;

/** Carries the whole item as revised, so that readers need nothing else. */
export type DutyRevised = DomainEvent<'DutyRevised', DutyRecord>;

export type DutyEvent = DutyRegistered | DutyRevised;

export const DUTY_EVENT_TYPES = ['DutyRegistered', 'DutyRevised'] as const satisfies readonly DutyEvent['type'][];

export function isDutyEvent(event: DomainEvent): event is DutyEvent {
  return (DUTY_EVENT_TYPES as readonly string[]).includes(event.type);
}

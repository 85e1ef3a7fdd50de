import type { DomainEvent } from '../decider';
import type { DutyListChanges, DutyListEntry, ListedDuty } from './items';

export type DutyListItemSet = DomainEvent<'DutyListItemSet', DutyListEntry>;

export type DutyListItemRemoved = DomainEvent<'DutyListItemRemoved', { dutyCode: string }>;

/** The catalogue items a compilation added to the draft, each with its category. */
export type DutyListCompiled = DomainEvent<'DutyListCompiled', { added: DutyListEntry[] }>;

/** Version `version` of the township's list, frozen: its items and what changed since the version before. */
export type DutyListPublished = DomainEvent<
  'DutyListPublished',
  {
    countyId: string;
    townshipId: string;
    version: number;
    /** ISO-8601 instant. */
    publishedAt: string;
    /** 文号 of the decision that approved it. */
    decisionRef: string;
    note?: string;
    items: ListedDuty[];
    changes: DutyListChanges;
  }
>;

export type DutyListEvent = DutyListItemSet | DutyListItemRemoved | DutyListCompiled | DutyListPublished;

export const DUTY_LIST_EVENT_TYPES = [
  'DutyListItemSet',
  'DutyListItemRemoved',
  'DutyListCompiled',
  'DutyListPublished',
] as const satisfies readonly DutyListEvent['type'][];

export function isDutyListEvent(event: DomainEvent): event is DutyListEvent {
  return (DUTY_LIST_EVENT_TYPES as readonly string[]).includes(event.type);
}

import type { DomainEvent } from '../decider';
import type { PowerCategory, Requirements } from '../resources';

export type PowerItemRegistered = DomainEvent<
  'PowerItemRegistered',
  {
    countyId: string;
    code: string;
    name: string;
    category: PowerCategory;
    legalBasis: string;
    department: string;
    requirements: Requirements;
  }
>;

export type PowerRequirementsRevised = DomainEvent<
  'PowerRequirementsRevised',
  { requirements: Requirements; previousRequirements: Requirements }
>;

export type PowerItemEvent = PowerItemRegistered | PowerRequirementsRevised;

export const POWER_ITEM_EVENT_TYPES = [
  'PowerItemRegistered',
  'PowerRequirementsRevised',
] as const satisfies readonly PowerItemEvent['type'][];

export function isPowerItemEvent(event: DomainEvent): event is PowerItemEvent {
  return (POWER_ITEM_EVENT_TYPES as readonly string[]).includes(event.type);
}

import type { DomainCommand } from '../decider';
import type { PowerCategory, Requirements } from '../resources';

export type RegisterPowerItem = DomainCommand<
  'RegisterPowerItem',
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

export type RevisePowerRequirements = DomainCommand<'RevisePowerRequirements', { requirements: Requirements }>;

export type PowerItemCommand = RegisterPowerItem | RevisePowerRequirements;

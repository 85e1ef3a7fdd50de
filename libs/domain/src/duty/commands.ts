import type { DomainCommand } from '../decider';
import type { DutyCategory, DutyDomain } from './terms';

/** What the catalogue records of a duty item besides its county and code; absent optional fields are left out. */
export interface DutyFields {
  readonly name: string;
  readonly domain: DutyDomain;
  readonly defaultCategory: DutyCategory;
  readonly description?: string;
  readonly legalBasis?: string;
  readonly leadDepartment?: string;
  /** The enforcement power item it stands for, a code of the county's power catalogue. */
  readonly powerCode?: string;
  /** Free text: phone and office. */
  readonly contact?: string;
}

export type RegisterDuty = DomainCommand<'RegisterDuty', { countyId: string; code: string } & DutyFields>;

export type ReviseDuty = DomainCommand<'ReviseDuty', DutyFields>;

export type DutyCommand = RegisterDuty | ReviseDuty;

import type { DomainCommand } from '../decider';
import type { DutyCategory } from '../duty/terms';
import type { ListedDuty } from './items';

/** What the list needs of a catalogue duty to list it; the ledger loads it. */
export interface CatalogueDutyRef {
  readonly code: string;
  readonly defaultCategory: DutyCategory;
  readonly powerCode?: string;
  readonly leadDepartment?: string;
  readonly description?: string;
}

/**
 * Sets an item's category (and for `assisting` what the township does and who leads). `duty` is the
 * catalogue's item of that code (null: not in the catalogue), `activeHandoverPowers` the powers held by
 * the township's active handovers — both loaded by the ledger.
 */
export type SetDutyListItem = DomainCommand<
  'SetDutyListItem',
  {
    dutyCode: string;
    category: DutyCategory;
    cooperation?: string;
    leadDepartment?: string;
    duty: CatalogueDutyRef | null;
    activeHandoverPowers: readonly string[];
  }
>;

export type RemoveDutyListItem = DomainCommand<'RemoveDutyListItem', { dutyCode: string }>;

/** Adds every catalogue item missing from the draft with its default category (the ledger passes the catalogue). */
export type CompileDutyList = DomainCommand<
  'CompileDutyList',
  { catalogue: readonly CatalogueDutyRef[]; activeHandoverPowers: readonly string[] }
>;

/** Publishes the list as it stands (`items`: the draft resolved with the derived items, by the ledger) as the next version. */
export type PublishDutyList = DomainCommand<
  'PublishDutyList',
  { countyId: string; townshipId: string; decisionRef: string; note?: string; items: readonly ListedDuty[] }
>;

export type DutyListCommand = SetDutyListItem | RemoveDutyListItem | CompileDutyList | PublishDutyList;

import type { DutyListChanges, DutyListEntry, ListedDuty } from './items';

/** The last published version of a list. */
export interface PublishedDutyList {
  readonly version: number;
  readonly publishedAt: string;
  readonly decisionRef: string;
  readonly note?: string;
  readonly items: ListedDuty[];
  readonly changes: DutyListChanges;
}

/** A township's list: the draft's entries by duty code, and the last published version (null before the first). */
export interface DutyListState {
  readonly entries: Record<string, DutyListEntry>;
  readonly published: PublishedDutyList | null;
}

export const initialDutyListState: DutyListState = { entries: {}, published: null };

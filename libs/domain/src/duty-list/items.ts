import type { DutyCategory, DutyDomain } from '../duty/terms';

/** An item of a township's draft list: a catalogue duty with the category this township gives it. */
export interface DutyListEntry {
  readonly dutyCode: string;
  readonly category: DutyCategory;
  /** What the township does and how far (配合事项与边界); `assisting` items need it. */
  readonly cooperation?: string;
  /** The department that leads (`assisting`) or takes the item back (`returned`). */
  readonly leadDepartment?: string;
}

/** Where an item of a township's list comes from: the list itself, a handover of a power, an admitted task. */
export const DUTY_ITEM_SOURCES = ['list', 'handover', 'admission'] as const;
export type DutyItemSource = (typeof DUTY_ITEM_SOURCES)[number];

/**
 * An item of a township's list as it is shown and published: the draft's entries resolved against the
 * catalogue, with the items the ledger derives (handed powers, admitted tasks). A published version
 * freezes them.
 */
export interface ListedDuty {
  readonly dutyCode?: string;
  readonly powerCode?: string;
  readonly handoverId?: string;
  /** The admitted task an item of source `admission` stands for. */
  readonly admissionId?: string;
  readonly name: string;
  readonly domain: DutyDomain;
  readonly category: DutyCategory;
  readonly cooperation?: string;
  readonly leadDepartment?: string;
  readonly contact?: string;
  readonly source: DutyItemSource;
}

/** An item as a change names it. */
export interface ChangedDuty {
  readonly dutyCode?: string;
  readonly powerCode?: string;
  readonly name: string;
  readonly category: DutyCategory;
}

export interface RecategorizedDuty {
  readonly dutyCode?: string;
  readonly powerCode?: string;
  readonly name: string;
  readonly from: DutyCategory;
  readonly to: DutyCategory;
}

/**
 * What a published version changed against the one before: items added, removed, moved to another
 * category, and `revised` (same category, other text: cooperation, lead department, contact, name).
 */
export interface DutyListChanges {
  readonly added: ChangedDuty[];
  readonly removed: ChangedDuty[];
  readonly recategorized: RecategorizedDuty[];
  readonly revised: ChangedDuty[];
}

export type DutyCounts = Record<DutyCategory, number>;

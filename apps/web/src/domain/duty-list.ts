import type { DutyCategory, DutyListChanges, DutyListItem, DutyListVersion } from '../api/types';

/** One entry of a list as the versions compare it: which item, under which name, in which category. */
export interface ListEntry {
  key: string;
  name: string;
  category: DutyCategory;
  /** What else the list says of it (cooperation, lead department): a change of it is a revision. */
  detail?: string;
}

export interface Recategorized {
  entry: ListEntry;
  from: DutyCategory;
}

/** What publishing would change against the last published version (or what a version changed). */
export interface ListDiff {
  added: ListEntry[];
  removed: ListEntry[];
  recategorized: Recategorized[];
  /** Same category, other text. */
  revised: ListEntry[];
}

/** An item's identity across versions: its duty code; a handover's item by its power code. */
export function entryKey(item: { dutyCode?: string; powerCode?: string; name: string }): string {
  if (item.dutyCode) return `duty:${item.dutyCode}`;
  if (item.powerCode) return `power:${item.powerCode}`;
  return `name:${item.name}`;
}

export function entryOf(item: DutyListItem): ListEntry {
  const detail = [item.cooperation ?? '', item.leadDepartment ?? ''].join('\n');
  return { key: entryKey(item), name: item.name, category: item.category, detail };
}

/** The items of the last published version (none before the first). */
export function publishedEntries(versions: readonly DutyListVersion[]): ListEntry[] {
  const newest = versions.reduce<DutyListVersion | undefined>(
    (last, version) => (last && last.version > version.version ? last : version),
    undefined,
  );
  return newest ? newest.items.map(entryOf) : [];
}

/** What changes from `before` to `after`: items added, removed, moved to another category, and revised. */
export function diffLists(before: readonly ListEntry[], after: readonly ListEntry[]): ListDiff {
  const old = new Map(before.map((entry) => [entry.key, entry]));
  const now = new Map(after.map((entry) => [entry.key, entry]));
  return {
    added: after.filter((entry) => !old.has(entry.key)),
    removed: before.filter((entry) => !now.has(entry.key)),
    recategorized: after.flatMap((entry) => {
      const was = old.get(entry.key);
      return was && was.category !== entry.category ? [{ entry, from: was.category }] : [];
    }),
    revised: after.filter((entry) => {
      const was = old.get(entry.key);
      return was !== undefined && was.category === entry.category && was.detail !== entry.detail;
    }),
  };
}

export function diffSize(diff: ListDiff): number {
  return diff.added.length + diff.removed.length + diff.recategorized.length + diff.revised.length;
}

/** A version's changes as the API keeps them, in the shape of the preview (one view shows both). */
export function diffOfChanges(changes: DutyListChanges): ListDiff {
  const entry = (change: { dutyCode?: string; powerCode?: string; name: string }, category: DutyCategory): ListEntry => ({
    key: entryKey(change),
    name: change.name,
    category,
  });
  return {
    added: changes.added.map((change) => entry(change, change.category)),
    removed: changes.removed.map((change) => entry(change, change.category)),
    recategorized: changes.recategorized.map((change) => ({ entry: entry(change, change.to), from: change.from })),
    revised: changes.revised.map((change) => entry(change, change.category)),
  };
}

/** The items of one category, in the list's order. */
export function itemsOf<Item extends { category: DutyCategory }>(items: readonly Item[], category: DutyCategory): Item[] {
  return items.filter((item) => item.category === category);
}

import type { DutyCategory, DutyListChange, DutyListItem, DutyListPublication } from '../api/duty-types';

export const DUTY_CATEGORIES = ['basic', 'assisting', 'returned'] as const satisfies readonly DutyCategory[];

/** The domains (领域) of the duty catalogue, in the order the county's lists show them. */
export const DUTY_DOMAINS = ['党的建设', '经济发展', '民生服务', '平安法治', '生态环保', '综合执法', '应急管理', '其他'] as const;

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
export function entryKey(item: Pick<DutyListChange, 'dutyCode' | 'powerCode' | 'name'>): string {
  if (item.dutyCode) return `duty:${item.dutyCode}`;
  if (item.powerCode) return `power:${item.powerCode}`;
  return `name:${item.name ?? ''}`;
}

export function entryOf(item: DutyListItem): ListEntry {
  const detail = [item.cooperation ?? '', item.leadDepartment ?? ''].join('\n');
  return { key: entryKey(item), name: item.name, category: item.category, detail };
}

/**
 * The items of the last published version: as the newest version lists them, or else replayed from
 * every version's changes in version order (without their texts, so no revision is seen).
 */
export function publishedEntries(publications: readonly DutyListPublication[]): ListEntry[] {
  const ordered = [...publications].sort((a, b) => a.version - b.version);
  const newest = ordered[ordered.length - 1];
  if (newest?.items) return newest.items.map(entryOf);
  const entries = new Map<string, ListEntry>();
  for (const publication of ordered) {
    for (const change of publication.changes.added) {
      const category = change.category ?? change.to;
      if (category) entries.set(entryKey(change), { key: entryKey(change), name: change.name ?? '', category });
    }
    for (const change of publication.changes.removed) entries.delete(entryKey(change));
    for (const change of publication.changes.recategorized) {
      const entry = entries.get(entryKey(change));
      const category = change.to ?? change.category;
      if (entry && category) entries.set(entry.key, { ...entry, category });
    }
  }
  return [...entries.values()];
}

/** What changes from `before` to `after`: items added, removed, and moved to another category. */
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
      return was !== undefined && was.category === entry.category && was.detail !== undefined && was.detail !== entry.detail;
    }),
  };
}

export function diffSize(diff: ListDiff): number {
  return diff.added.length + diff.removed.length + diff.recategorized.length + diff.revised.length;
}

/** The items of one category, in the list's order. */
export function itemsOf<Item extends { category: DutyCategory }>(items: readonly Item[], category: DutyCategory): Item[] {
  return items.filter((item) => item.category === category);
}

/** A version's changes as the API keeps them, in the shape of the preview (one view shows both). */
export function diffOfChanges(changes: DutyListPublication['changes']): ListDiff {
  const entry = (change: DutyListChange, category: DutyCategory | undefined): ListEntry => ({
    key: entryKey(change),
    name: change.name ?? change.dutyCode ?? change.powerCode ?? '',
    category: category ?? 'basic',
  });
  return {
    added: changes.added.map((change) => entry(change, change.category ?? change.to)),
    removed: changes.removed.map((change) => entry(change, change.category ?? change.from)),
    recategorized: changes.recategorized.map((change) => ({
      entry: entry(change, change.to ?? change.category),
      from: change.from ?? 'basic',
    })),
    revised: (changes.revised ?? []).map((change) => entry(change, change.category)),
  };
}

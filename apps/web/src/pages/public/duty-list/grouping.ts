import type { PublicDutyCategory, PublicDutyItem } from '../../../api/types';

export const CATEGORIES: readonly PublicDutyCategory[] = ['basic', 'assisting', 'returned'];

export interface DomainGroup {
  readonly domain: string;
  readonly items: readonly PublicDutyItem[];
}

export interface CategoryGroup {
  readonly category: PublicDutyCategory;
  readonly domains: readonly DomainGroup[];
  readonly count: number;
}

/** Everything a resident might type to find an item: its name, domain, code, departments, contact, what the township does. */
function haystack(item: PublicDutyItem): string {
  return [item.name, item.domain, item.dutyCode, item.powerCode, item.leadDepartment, item.contact, item.cooperation]
    .filter((part): part is string => typeof part === 'string')
    .join('\n')
    .toLowerCase();
}

/** The items matching every word of the query (spaces separate words); all of them for an empty query. */
export function search(items: readonly PublicDutyItem[], query: string): PublicDutyItem[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...items];
  return items.filter((item) => {
    const text = haystack(item);
    return words.every((word) => text.includes(word));
  });
}

/** Items by category (basic, assisting, returned) and, within each, by domain, keeping the order they came in. */
export function groupItems(items: readonly PublicDutyItem[]): CategoryGroup[] {
  return CATEGORIES.map((category) => {
    const domains = new Map<string, PublicDutyItem[]>();
    for (const item of items) {
      if (item.category !== category) continue;
      const list = domains.get(item.domain) ?? [];
      list.push(item);
      domains.set(item.domain, list);
    }
    const groups = [...domains].map(([domain, list]) => ({ domain, items: list }));
    return { category, domains: groups, count: groups.reduce((sum, group) => sum + group.items.length, 0) };
  });
}

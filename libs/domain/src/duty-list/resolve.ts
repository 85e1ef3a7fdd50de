import type { DutyRecord } from '../duty/events';
import { DUTY_CATEGORIES, DUTY_DOMAINS, type DutyCategory } from '../duty/terms';
import { withoutAbsent } from '../duty/parse';
import type { ChangedDuty, DutyCounts, DutyListChanges, DutyListEntry, ListedDuty, RecategorizedDuty } from './items';

/** A handover of a power to the township, as the list needs it. */
export interface HandoverOfTownship {
  readonly id: string;
  readonly powerCode: string;
  readonly powerName: string;
  /** The department that handed the power down. */
  readonly department: string;
  readonly status: string;
}

/**
 * The township's handed powers as list items of domain 综合执法: an active handover is `basic`, a
 * revoked one `returned` to the department that handed it. One item per power: an active handover of
 * it wins over revoked ones; among equals the last given (the caller passes them oldest first).
 */
export function handoverDutyItems(handovers: readonly HandoverOfTownship[]): ListedDuty[] {
  const byPower = new Map<string, ListedDuty>();
  for (const handover of handovers) {
    if (handover.status !== 'active' && handover.status !== 'revoked') continue;
    const held = byPower.get(handover.powerCode);
    if (held !== undefined && held.category === 'basic' && handover.status === 'revoked') continue;
    byPower.set(handover.powerCode, {
      powerCode: handover.powerCode,
      handoverId: handover.id,
      name: handover.powerName,
      domain: '综合执法',
      category: handover.status === 'active' ? 'basic' : 'returned',
      leadDepartment: handover.department,
      source: 'handover',
    });
  }
  return [...byPower.values()];
}

/** The powers held by the township's active handovers: a duty standing for one of them is `basic`. */
export function activeHandoverPowers(handovers: readonly HandoverOfTownship[]): string[] {
  return [...new Set(handovers.filter((handover) => handover.status === 'active').map((handover) => handover.powerCode))];
}

/**
 * The list as it stands: each draft entry with its catalogue duty's name, domain and contact, and every
 * derived item (handed powers, admitted tasks), computed, never typed twice. A duty standing for a power
 * a handover gives or took back is listed once, with the category the handover gives it.
 */
export function resolveDutyList(
  entries: readonly DutyListEntry[],
  duties: ReadonlyMap<string, DutyRecord>,
  derived: readonly ListedDuty[],
): ListedDuty[] {
  const derivedByPower = new Map(derived.filter((item) => item.powerCode !== undefined).map((item) => [item.powerCode, item]));
  const merged = new Set<ListedDuty>();
  const listed = entries.map((entry): ListedDuty => {
    const duty = duties.get(entry.dutyCode);
    const fromHandover = duty?.powerCode === undefined ? undefined : derivedByPower.get(duty.powerCode);
    if (fromHandover !== undefined) merged.add(fromHandover);
    const text = withoutAbsent({
      powerCode: duty?.powerCode,
      handoverId: fromHandover?.handoverId,
      cooperation: fromHandover === undefined && entry.category === 'assisting' ? entry.cooperation : undefined,
      leadDepartment: fromHandover?.leadDepartment ?? entry.leadDepartment ?? duty?.leadDepartment,
      contact: duty?.contact,
    });
    return {
      dutyCode: entry.dutyCode,
      name: duty?.name ?? entry.dutyCode,
      domain: duty?.domain ?? '其他',
      category: fromHandover?.category ?? entry.category,
      source: fromHandover === undefined ? 'list' : 'handover',
      ...text,
    };
  });
  return sortListedDuties([...listed, ...derived.filter((item) => !merged.has(item))]);
}

/** Basic, assisting, returned; within each by domain, then by key. */
export function sortListedDuties(items: readonly ListedDuty[]): ListedDuty[] {
  const rank = (item: ListedDuty): [number, number, string] => [
    DUTY_CATEGORIES.indexOf(item.category),
    DUTY_DOMAINS.indexOf(item.domain),
    listedDutyKey(item),
  ];
  return [...items].sort((a, b) => {
    const [ca, da, ka] = rank(a);
    const [cb, db, kb] = rank(b);
    return ca - cb || da - db || (ka < kb ? -1 : ka > kb ? 1 : 0);
  });
}

/** What identifies an item from one version to the next: its duty code, else its power, else its admitted task. */
export function listedDutyKey(item: ListedDuty): string {
  if (item.dutyCode !== undefined) return `duty:${item.dutyCode}`;
  if (item.powerCode !== undefined) return `power:${item.powerCode}`;
  return `admission:${item.admissionId ?? item.name}`;
}

export function countDuties(items: readonly ListedDuty[]): DutyCounts {
  const counts: DutyCounts = { basic: 0, assisting: 0, returned: 0 };
  for (const item of items) counts[item.category] += 1;
  return counts;
}

const LISTED_FIELDS = [
  'dutyCode',
  'powerCode',
  'handoverId',
  'admissionId',
  'name',
  'domain',
  'category',
  'cooperation',
  'leadDepartment',
  'contact',
  'source',
] as const;

/** Every field of an item in one order (jsonb reorders keys). */
function canonical(item: ListedDuty): string {
  return JSON.stringify(LISTED_FIELDS.map((field) => item[field] ?? null));
}

/** What `next` changes against `previous` (none: every item is added). */
export function dutyListChanges(previous: readonly ListedDuty[], next: readonly ListedDuty[]): DutyListChanges {
  const before = new Map(previous.map((item) => [listedDutyKey(item), item]));
  const after = new Map(next.map((item) => [listedDutyKey(item), item]));
  const added: ChangedDuty[] = [];
  const recategorized: RecategorizedDuty[] = [];
  const revised: ChangedDuty[] = [];
  for (const [key, item] of after) {
    const old = before.get(key);
    if (old === undefined) added.push(changed(item));
    else if (old.category !== item.category) recategorized.push({ ...reference(item), from: old.category, to: item.category });
    else if (canonical(old) !== canonical(item)) revised.push(changed(item));
  }
  const removed = [...before].filter(([key]) => !after.has(key)).map(([, item]) => changed(item));
  return { added, removed, recategorized, revised };
}

export function noChanges(changes: DutyListChanges): boolean {
  return changes.added.length + changes.removed.length + changes.recategorized.length + changes.revised.length === 0;
}

function reference(item: ListedDuty): Omit<ChangedDuty, 'category'> {
  return { ...withoutAbsent({ dutyCode: item.dutyCode, powerCode: item.powerCode }), name: item.name };
}

function changed(item: ListedDuty): ChangedDuty {
  return { ...reference(item), category: item.category };
}

/** The fields an item of its category needs (`assisting`: cooperation and lead department; `returned`: lead department) that `entry` lacks. */
export function missingForCategory(entry: {
  category: DutyCategory;
  cooperation?: string;
  leadDepartment?: string;
}): Array<'cooperation' | 'leadDepartment'> {
  const missing: Array<'cooperation' | 'leadDepartment'> = [];
  if (entry.category === 'assisting' && entry.cooperation === undefined) missing.push('cooperation');
  if (entry.category !== 'basic' && entry.leadDepartment === undefined) missing.push('leadDepartment');
  return missing;
}

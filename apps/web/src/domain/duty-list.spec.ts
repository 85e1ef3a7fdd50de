import { describe, expect, it } from 'vitest';
import type { DutyListItem, DutyListVersion } from '../api/types';
import { diffLists, diffOfChanges, diffSize, entryKey, entryOf, itemsOf, publishedEntries, type ListEntry } from './duty-list';

const entry = (key: string, category: ListEntry['category'], name = key): ListEntry => ({ key: `duty:${key}`, name, category });

const item = (dutyCode: string, category: DutyListItem['category'], more: Partial<DutyListItem> = {}): DutyListItem => ({
  dutyCode,
  name: `事项${dutyCode}`,
  domain: '民生服务',
  category,
  source: 'list',
  ...more,
});

function version(number: number, items: DutyListItem[]): DutyListVersion {
  return {
    version: number,
    publishedAt: `2026-0${number}-01T00:00:00Z`,
    decisionRef: `沾政〔2026〕${number}号`,
    changes: { added: [], removed: [], recategorized: [], revised: [] },
    items,
    counts: { basic: 0, assisting: 0, returned: 0 },
  };
}

describe('the diff preview before publishing', () => {
  it('names what the draft adds, removes and moves to another category, and nothing that stayed', () => {
    const before = [entry('A', 'basic'), entry('B', 'basic'), entry('C', 'returned')];
    const after = [entry('A', 'basic'), entry('B', 'assisting'), entry('D', 'basic')];
    const diff = diffLists(before, after);
    expect(diff.added.map((added) => added.key)).toEqual(['duty:D']);
    expect(diff.removed.map((removed) => removed.key)).toEqual(['duty:C']);
    expect(diff.recategorized).toEqual([{ entry: entry('B', 'assisting'), from: 'basic' }]);
    expect(diff.revised).toEqual([]);
    expect(diffSize(diff)).toBe(3);
  });

  it('adds every item when nothing was published, and finds no change in an unchanged draft', () => {
    const draft = [entry('A', 'basic'), entry('B', 'returned')];
    expect(diffLists([], draft).added).toEqual(draft);
    expect(diffSize(diffLists(draft, [...draft].reverse()))).toBe(0);
  });

  it('compares the draft with the newest version, whatever order the API lists them in, and sees a changed cooperation as a revision', () => {
    const cooperating = { cooperation: '协助摸排', leadDepartment: '民政局' };
    const versions = [version(2, [item('A', 'assisting', cooperating)]), version(1, [item('A', 'basic'), item('B', 'basic')])];
    const published = publishedEntries(versions);
    expect(published.map((entry) => [entry.key, entry.category])).toEqual([['duty:A', 'assisting']]);
    const revised = diffLists(published, [entryOf(item('A', 'assisting', { ...cooperating, cooperation: '协助摸排并上报' }))]);
    expect(revised.revised.map((entry) => entry.key)).toEqual(['duty:A']);
    expect(diffSize(diffLists(published, [entryOf(item('A', 'assisting', cooperating))]))).toBe(0);
    expect(publishedEntries([])).toEqual([]);
  });

  it('keys a catalogue item by its duty code and a handover’s item by its power code', () => {
    expect(entryKey({ dutyCode: 'MS-001', powerCode: 'CF-1', name: 'x' })).toBe('duty:MS-001');
    expect(entryKey({ powerCode: 'CF-1', name: 'x' })).toBe('power:CF-1');
  });
});

describe('a version’s changes, shown like the preview', () => {
  it('keeps each added, removed, moved and revised item with its categories', () => {
    const diff = diffOfChanges({
      added: [{ dutyCode: 'A', name: '甲', category: 'basic' }],
      removed: [{ dutyCode: 'B', name: '乙', category: 'returned' }],
      recategorized: [{ powerCode: 'CF-1', name: '丙', from: 'basic', to: 'returned' }],
      revised: [{ dutyCode: 'D', name: '丁', category: 'assisting' }],
    });
    expect(diff).toEqual({
      added: [{ key: 'duty:A', name: '甲', category: 'basic' }],
      removed: [{ key: 'duty:B', name: '乙', category: 'returned' }],
      recategorized: [{ entry: { key: 'power:CF-1', name: '丙', category: 'returned' }, from: 'basic' }],
      revised: [{ key: 'duty:D', name: '丁', category: 'assisting' }],
    });
  });
});

describe('the three tabs', () => {
  it('hold the items of their category only, in the list’s order', () => {
    const items = [entry('A', 'basic'), entry('B', 'returned'), entry('C', 'basic')];
    expect(itemsOf(items, 'basic').map((entry) => entry.key)).toEqual(['duty:A', 'duty:C']);
    expect(itemsOf(items, 'assisting')).toEqual([]);
  });
});

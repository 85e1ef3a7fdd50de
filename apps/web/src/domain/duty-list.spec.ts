import { describe, expect, it } from 'vitest';
import type { DutyListPublication } from '../api/duty-types';
import { diffLists, diffOfChanges, diffSize, entryKey, entryOf, itemsOf, publishedEntries, type ListEntry } from './duty-list';

const entry = (key: string, category: ListEntry['category'], name = key): ListEntry => ({ key: `duty:${key}`, name, category });

function publication(version: number, changes: Partial<DutyListPublication['changes']>): DutyListPublication {
  return {
    version,
    publishedAt: `2026-0${version}-01T00:00:00Z`,
    decisionRef: `沾政〔2026〕${version}号`,
    changes: { added: [], removed: [], recategorized: [], ...changes },
  };
}

describe('the diff preview before publishing', () => {
  it('names what the draft adds, removes and moves to another category, and nothing that stayed', () => {
    const before = [entry('A', 'basic'), entry('B', 'basic'), entry('C', 'returned')];
    const after = [entry('A', 'basic'), entry('B', 'assisting'), entry('D', 'basic')];
    const diff = diffLists(before, after);
    expect(diff.added.map((item) => item.key)).toEqual(['duty:D']);
    expect(diff.removed.map((item) => item.key)).toEqual(['duty:C']);
    expect(diff.recategorized).toEqual([{ entry: entry('B', 'assisting'), from: 'basic' }]);
    expect(diffSize(diff)).toBe(3);
  });

  it('adds every item when nothing was published, and finds no change in an unchanged draft', () => {
    const draft = [entry('A', 'basic'), entry('B', 'returned')];
    expect(diffLists([], draft).added).toEqual(draft);
    expect(diffSize(diffLists(draft, [...draft].reverse()))).toBe(0);
  });
});

describe('the last published version, replayed from the versions’ changes', () => {
  it('applies each version’s additions, removals and moves in version order, whatever order the API lists them in', () => {
    const versions = [
      publication(2, {
        added: [{ powerCode: 'CF-CG-0001', name: '乱扔废弃物处罚', category: 'basic' }],
        removed: [{ dutyCode: 'B', name: 'B' }],
        recategorized: [{ dutyCode: 'A', name: 'A', from: 'basic', to: 'assisting' }],
      }),
      publication(1, {
        added: [
          { dutyCode: 'A', name: 'A', category: 'basic' },
          { dutyCode: 'B', name: 'B', category: 'returned' },
        ],
      }),
    ];
    expect(publishedEntries(versions)).toEqual([
      { key: 'duty:A', name: 'A', category: 'assisting' },
      { key: 'power:CF-CG-0001', name: '乱扔废弃物处罚', category: 'basic' },
    ]);
    expect(publishedEntries([])).toEqual([]);
  });

  it('takes the newest version’s own items when the API lists them, and then sees a changed cooperation as a revision', () => {
    const item = { dutyCode: 'A', name: '甲', domain: '民生服务', category: 'assisting' as const, source: 'list' as const };
    const versions = [
      {
        ...publication(1, { added: [{ dutyCode: 'A', name: '甲', category: 'basic' }] }),
        items: [{ ...item, category: 'basic' as const }],
      },
      publication(2, {}),
      { ...publication(3, {}), items: [{ ...item, cooperation: '协助摸排', leadDepartment: '民政局' }] },
    ];
    const published = publishedEntries(versions);
    expect(published.map((entry) => [entry.key, entry.category])).toEqual([['duty:A', 'assisting']]);
    const draft = [entryOf({ ...item, cooperation: '协助摸排并上报', leadDepartment: '民政局' })];
    const diff = diffLists(published, draft);
    expect(diff.revised.map((entry) => entry.key)).toEqual(['duty:A']);
    expect(diffSize(diffLists(published, [entryOf({ ...item, cooperation: '协助摸排', leadDepartment: '民政局' })]))).toBe(0);
  });

  it('keys a catalogue item by its duty code and a handover’s item by its power code', () => {
    expect(entryKey({ dutyCode: 'MS-001', powerCode: 'CF-1' })).toBe('duty:MS-001');
    expect(entryKey({ powerCode: 'CF-1', name: 'x' })).toBe('power:CF-1');
  });
});

describe('the three tabs', () => {
  it('hold the items of their category only, in the list’s order', () => {
    const items = [entry('A', 'basic'), entry('B', 'returned'), entry('C', 'basic')];
    expect(itemsOf(items, 'basic').map((item) => item.key)).toEqual(['duty:A', 'duty:C']);
    expect(itemsOf(items, 'assisting')).toEqual([]);
  });
});

describe('a version’s changes, shown like the preview', () => {
  it('keeps each added, removed and moved item with its categories', () => {
    const diff = diffOfChanges({
      added: [{ dutyCode: 'A', name: '甲', category: 'basic' }],
      removed: [{ dutyCode: 'B', name: '乙', category: 'returned' }],
      recategorized: [{ dutyCode: 'C', name: '丙', from: 'basic', to: 'assisting' }],
    });
    expect(diff).toEqual({
      added: [{ key: 'duty:A', name: '甲', category: 'basic' }],
      removed: [{ key: 'duty:B', name: '乙', category: 'returned' }],
      recategorized: [{ entry: { key: 'duty:C', name: '丙', category: 'assisting' }, from: 'basic' }],
      revised: [],
    });
  });
});

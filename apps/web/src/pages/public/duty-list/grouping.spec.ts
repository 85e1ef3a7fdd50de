import { describe, expect, it } from 'vitest';
import type { PublicDutyItem } from '../../../api/types';
import { groupItems, search } from './grouping';

const item = (name: string, domain: string, category: PublicDutyItem['category'], extra: Partial<PublicDutyItem> = {}): PublicDutyItem => ({
  name,
  domain,
  category,
  ...extra,
});

const ITEMS = [
  item('对随地吐痰的处罚', '综合执法', 'basic', { powerCode: 'CF-CG-0001', leadDepartment: '县城市管理局' }),
  item('城乡居民医保参保登记', '民生服务', 'basic', { contact: '0874-3123456' }),
  item('森林防火巡查', '应急管理', 'assisting', { leadDepartment: '县林业和草原局', cooperation: '组织护林员日常巡山' }),
  item('危险化学品经营许可', '综合执法', 'returned', { leadDepartment: '县应急管理局' }),
  item('占道经营的处罚', '综合执法', 'basic'),
];

describe('public duty list: search and grouping', () => {
  it('groups by category in the order basic, assisting, returned, then by domain in the order given', () => {
    const groups = groupItems(ITEMS);
    expect(groups.map((group) => [group.category, group.count])).toEqual([
      ['basic', 3],
      ['assisting', 1],
      ['returned', 1],
    ]);
    expect(groups[0]?.domains.map((domain) => [domain.domain, domain.items.map((i) => i.name)])).toEqual([
      ['综合执法', ['对随地吐痰的处罚', '占道经营的处罚']],
      ['民生服务', ['城乡居民医保参保登记']],
    ]);
  });

  it('finds items by name, department, what the township does, code or phone; every word must match', () => {
    expect(search(ITEMS, '吐痰').map((i) => i.name)).toEqual(['对随地吐痰的处罚']);
    expect(search(ITEMS, '护林员').map((i) => i.name)).toEqual(['森林防火巡查']);
    expect(search(ITEMS, 'cf-cg').map((i) => i.name)).toEqual(['对随地吐痰的处罚']);
    expect(search(ITEMS, '3123456').map((i) => i.name)).toEqual(['城乡居民医保参保登记']);
    expect(search(ITEMS, '综合执法 处罚').map((i) => i.name)).toEqual(['对随地吐痰的处罚', '占道经营的处罚']);
    expect(search(ITEMS, '  ')).toHaveLength(ITEMS.length);
    expect(search(ITEMS, '不存在的事项')).toEqual([]);
  });
});

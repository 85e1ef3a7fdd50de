import type { DutyRecord } from '../duty/events';
import { activeHandoverPowers, countDuties, handoverDutyItems, resolveDutyList } from './resolve';

const COUNTY = 'county-zhanyi';
const duties = new Map<string, DutyRecord>([
  ['ST-001', { countyId: COUNTY, code: 'ST-001', name: '垃圾分类监督', domain: '生态环保', defaultCategory: 'basic', contact: '0874-1' }],
  [
    'MS-001',
    { countyId: COUNTY, code: 'MS-001', name: '医保参保登记', domain: '民生服务', defaultCategory: 'assisting', leadDepartment: '医保局' },
  ],
  ['ZF-002', { countyId: COUNTY, code: 'ZF-002', name: '占道经营管理', domain: '综合执法', defaultCategory: 'basic', powerCode: 'CF-2' }],
]);
const handover = (id: string, powerCode: string, status: string) => ({
  id,
  powerCode,
  powerName: `权力 ${powerCode}`,
  department: '城市管理局',
  status,
});

describe('the list as it stands', () => {
  it('shows active handovers as basic and revoked ones as returned to the handing department, one item per power', () => {
    const items = handoverDutyItems([
      handover('h-1', 'CF-1', 'revoked'),
      handover('h-2', 'CF-1', 'active'),
      handover('h-3', 'CF-1', 'revoked'),
      handover('h-4', 'CF-3', 'revoked'),
      handover('h-5', 'CF-4', 'recorded'),
    ]);
    expect(items).toEqual([
      {
        powerCode: 'CF-1',
        handoverId: 'h-2',
        name: '权力 CF-1',
        domain: '综合执法',
        category: 'basic',
        leadDepartment: '城市管理局',
        source: 'handover',
      },
      {
        powerCode: 'CF-3',
        handoverId: 'h-4',
        name: '权力 CF-3',
        domain: '综合执法',
        category: 'returned',
        leadDepartment: '城市管理局',
        source: 'handover',
      },
    ]);
    expect(activeHandoverPowers([handover('h-2', 'CF-1', 'active'), handover('h-4', 'CF-3', 'revoked')])).toEqual(['CF-1']);
  });

  it('resolves entries with the catalogue, lists a handed power once and sorts basic, assisting, returned', () => {
    const derived = handoverDutyItems([handover('h-1', 'CF-2', 'revoked'), handover('h-9', 'CF-9', 'active')]);
    const items = resolveDutyList(
      [
        { dutyCode: 'MS-001', category: 'assisting', cooperation: '入户宣传' },
        { dutyCode: 'ZF-002', category: 'basic' },
        { dutyCode: 'ST-001', category: 'basic' },
      ],
      duties,
      derived,
    );
    expect(items).toEqual([
      { dutyCode: 'ST-001', name: '垃圾分类监督', domain: '生态环保', category: 'basic', source: 'list', contact: '0874-1' },
      {
        powerCode: 'CF-9',
        handoverId: 'h-9',
        name: '权力 CF-9',
        domain: '综合执法',
        category: 'basic',
        leadDepartment: '城市管理局',
        source: 'handover',
      },
      {
        dutyCode: 'MS-001',
        name: '医保参保登记',
        domain: '民生服务',
        category: 'assisting',
        source: 'list',
        cooperation: '入户宣传',
        leadDepartment: '医保局',
      },
      {
        dutyCode: 'ZF-002',
        name: '占道经营管理',
        domain: '综合执法',
        category: 'returned',
        source: 'handover',
        powerCode: 'CF-2',
        handoverId: 'h-1',
        leadDepartment: '城市管理局',
      },
    ]);
    expect(countDuties(items)).toEqual({ basic: 2, assisting: 1, returned: 1 });
  });
});

/**
 * Realistic test data: a county, a street team and items of the sample catalogue
 * (DOMAIN-NOTES.md §7). Used by the specs; builders return fresh objects each call.
 */
import type { Requirements } from '../resources';
import type { PowerItemRegistered } from '../power/events';
import type { TeamEvent } from '../team/events';
import type { HandoverEvent, HandoverRecorded } from '../handover/events';

export const COUNTY = 'county-zhanyi'; // 曲靖市沾益区
export const TOWNSHIP = 'township-xiping'; // 西平街道
export const TEAM = 'team-xiping';

export const MARKET_REGULATION = '市场监管局';
export const URBAN_MANAGEMENT = '城市管理局';
export const ECOLOGY = '生态环境局';
export const AGRICULTURE = '农业农村局';

/** The catalogue items used in the specs, with [I] equipment/training values from §7. */
export const catalogue = {
  /** #1 对随地吐痰、乱扔果皮纸屑烟头等废弃物的处罚 */
  littering: (): PowerItemRegistered['data'] => ({
    countyId: COUNTY,
    code: 'CF-CG-0001',
    name: '对随地吐痰、乱扔果皮纸屑烟头等废弃物的处罚',
    category: 'penalty',
    legalBasis: '《城市市容和环境卫生管理条例》第三十四条第（一）项',
    department: URBAN_MANAGEMENT,
    requirements: {
      certifiedOfficers: 2,
      equipment: [{ kind: 'body-camera', quantity: 2 }],
      training: [{ course: '市容环卫执法实务', hours: 4 }],
    },
  }),
  /** #4 对擅自占用城市道路（占道经营）的处罚 */
  roadOccupation: (): PowerItemRegistered['data'] => ({
    countyId: COUNTY,
    code: 'CF-CG-0004',
    name: '对擅自占用城市道路（占道经营）的处罚',
    category: 'penalty',
    legalBasis: '《城市道路管理条例》第二十七条第（一）项、第四十二条',
    department: URBAN_MANAGEMENT,
    requirements: {
      certifiedOfficers: 2,
      equipment: [
        { kind: 'body-camera', quantity: 2 },
        { kind: 'vehicle', quantity: 1 },
      ],
      training: [{ course: '城市道路管理执法', hours: 6 }],
    },
  }),
  /** #5 对涉嫌无照经营场所的查封、工具物品的查封扣押 (coercive measure) */
  unlicensedSealing: (): PowerItemRegistered['data'] => ({
    countyId: COUNTY,
    code: 'QZ-SC-0005',
    name: '对涉嫌无照经营场所的查封、工具物品的查封扣押',
    category: 'coercion',
    legalBasis: '《无证无照经营查处办法》第十一条；《行政强制法》第十七条、第十八条、第二十四条',
    department: MARKET_REGULATION,
    requirements: {
      certifiedOfficers: 2,
      equipment: [
        { kind: 'body-camera', quantity: 2 },
        { kind: 'seal-strip', quantity: 100 },
      ],
      training: [{ course: '查封扣押程序', hours: 12 }],
    },
  }),
  /** #6 对无照经营的处罚 */
  unlicensedPenalty: (): PowerItemRegistered['data'] => ({
    countyId: COUNTY,
    code: 'CF-SC-0006',
    name: '对无照经营的处罚',
    category: 'penalty',
    legalBasis: '《无证无照经营查处办法》第十三条',
    department: MARKET_REGULATION,
    requirements: {
      certifiedOfficers: 2,
      equipment: [{ kind: 'body-camera', quantity: 2 }],
      training: [{ course: '无证无照经营查处', hours: 8 }],
    },
  }),
  /** #9 对露天焚烧秸秆、落叶等产生烟尘污染物质的处罚 */
  strawBurning: (): PowerItemRegistered['data'] => ({
    countyId: COUNTY,
    code: 'CF-HB-0009',
    name: '对露天焚烧秸秆、落叶等产生烟尘污染物质的处罚',
    category: 'penalty',
    legalBasis: '《大气污染防治法》第一百一十九条第一款',
    department: ECOLOGY,
    requirements: {
      certifiedOfficers: 2,
      equipment: [
        { kind: 'body-camera', quantity: 2 },
        { kind: 'drone', quantity: 1 },
      ],
      training: [{ course: '大气污染防治执法', hours: 4 }],
    },
  }),
};

export function requirementsOf(item: () => PowerItemRegistered['data']): Requirements {
  return item().requirements;
}

export const officers = {
  zhangWei: { officerId: 'officer-zhang-wei', name: '张伟', certificateNumber: '53030021000101', certificateExpiresOn: '2027-06-30' },
  liNa: { officerId: 'officer-li-na', name: '李娜', certificateNumber: '53030021000102', certificateExpiresOn: '2026-11-30' },
  wangQiang: {
    officerId: 'officer-wang-qiang',
    name: '王强',
    certificateNumber: '53030021000103',
    certificateExpiresOn: '2028-03-31',
    secondedFrom: MARKET_REGULATION,
  },
  zhaoMin: { officerId: 'officer-zhao-min', name: '赵敏', certificateNumber: '53030021000104', certificateExpiresOn: '2025-03-01' },
};

export function teamFormed(): TeamEvent {
  return { type: 'TeamFormed', data: { teamId: TEAM, countyId: COUNTY, townshipId: TOWNSHIP, townshipName: '西平街道' } };
}

/** 对随地吐痰的处罚 (CF-CG-0001) handed by 城市管理局 to 西平街道, effective 1 March 2026, nothing promised. */
export function handoverRecorded(overrides: Partial<HandoverRecorded['data']> = {}): HandoverEvent {
  return {
    type: 'HandoverRecorded',
    data: {
      handoverId: 'handover-1',
      countyId: COUNTY,
      powerCode: 'CF-CG-0001',
      powerCategory: 'penalty',
      teamId: TEAM,
      townshipId: TOWNSHIP,
      department: URBAN_MANAGEMENT,
      mode: 'transfer',
      instrument: '沾政发〔2026〕1号',
      effectiveOn: '2026-03-01',
      committed: { officers: [], equipment: [], training: [] },
      ...overrides,
    },
  };
}

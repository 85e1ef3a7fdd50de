import type { PowerCategory, Requirements } from '@fangquan/domain';

export interface SampleCatalogueItem {
  readonly code: string;
  readonly name: string;
  readonly category: PowerCategory;
  readonly legalBasis: string;
  readonly department: string;
  readonly requirements: Requirements;
}

const URBAN = '综合执法局';
const MARKET = '市场监管局';
const ECOLOGY = '生态环境局';
const AGRICULTURE = '农业农村局';
const FIRE = '消防救援大队';
const WATER = '水务局';
const CULTURE = '文化和旅游局';
const TOWNSHIP = '乡镇人民政府';

function item(
  code: string,
  name: string,
  category: PowerCategory,
  legalBasis: string,
  department: string,
  equipment: Requirements['equipment'],
  course: string,
  hours: number,
): SampleCatalogueItem {
  return { code, name, category, legalBasis, department, requirements: { certifiedOfficers: 2, equipment, training: [{ course, hours }] } };
}

const camera = (quantity = 2) => ({ kind: 'body-camera', quantity });

/**
 * The 14-item sample catalogue of the domain notes (§7): names and legal bases as in the statutes;
 * codes, equipment and training hours are illustrations, not rules. Every item needs two certified
 * officers (Administrative Penalty Law art. 42; Administrative Compulsion Law art. 18).
 */
export const SAMPLE_CATALOGUE: readonly SampleCatalogueItem[] = [
  item(
    'CF-CG-0001',
    '对随地吐痰、乱扔果皮纸屑烟头等废弃物的处罚',
    'penalty',
    '《城市市容和环境卫生管理条例》第三十四条第（一）项',
    URBAN,
    [camera()],
    '市容环卫执法实务',
    4,
  ),
  item(
    'CF-CG-0002',
    '对不按规定时间、地点、方式倾倒垃圾的处罚',
    'penalty',
    '《城市市容和环境卫生管理条例》第三十四条第（四）项；《固体废物污染环境防治法》第一百一十一条第（一）项',
    URBAN,
    [camera(), { kind: 'camera', quantity: 1 }],
    '市容环卫执法实务',
    4,
  ),
  item(
    'CF-CG-0003',
    '对未在指定地点分类投放生活垃圾的处罚',
    'penalty',
    '《固体废物污染环境防治法》第一百一十一条',
    URBAN,
    [camera()],
    '市容环卫执法实务',
    4,
  ),
  item(
    'CF-CG-0004',
    '对擅自占用城市道路（占道经营）的处罚',
    'penalty',
    '《城市道路管理条例》第二十七条第（一）项、第四十二条',
    URBAN,
    [camera(), { kind: 'vehicle', quantity: 1 }],
    '城市道路管理执法',
    6,
  ),
  item(
    'QZ-SC-0005',
    '对涉嫌无照经营场所的查封、工具物品的查封扣押',
    'coercion',
    '《无证无照经营查处办法》第十一条；《行政强制法》第十七条、第十八条、第二十四条',
    MARKET,
    [camera(), { kind: 'seal-strip-kit', quantity: 1 }],
    '行政强制措施程序',
    12,
  ),
  item('CF-SC-0006', '对无照经营的处罚', 'penalty', '《无证无照经营查处办法》第十三条', MARKET, [camera()], '市场监管执法实务', 8),
  item(
    'CF-HB-0007',
    '对在禁止时段区域露天烧烤食品或提供场地的处罚',
    'penalty',
    '《大气污染防治法》第一百一十八条第三款',
    ECOLOGY,
    [camera(), { kind: 'vehicle', quantity: 1 }],
    '大气污染防治执法',
    6,
  ),
  item(
    'CF-HB-0008',
    '对餐饮服务业经营者超标排放油烟的处罚',
    'penalty',
    '《大气污染防治法》第一百一十八条第一款',
    ECOLOGY,
    [camera(), { kind: 'fume-monitor', quantity: 1 }],
    '大气污染防治执法',
    10,
  ),
  item(
    'CF-HB-0009',
    '对露天焚烧秸秆、落叶等产生烟尘污染物质的处罚',
    'penalty',
    '《大气污染防治法》第一百一十九条第一款',
    ECOLOGY,
    [camera(), { kind: 'drone', quantity: 1 }],
    '大气污染防治执法',
    4,
  ),
  item(
    'CF-NY-0010',
    '对农村村民未经批准非法占用土地建住宅的处罚',
    'penalty',
    '《土地管理法》第七十八条',
    AGRICULTURE,
    [camera(), { kind: 'gps-surveyor', quantity: 1 }],
    '农村宅基地执法',
    12,
  ),
  item(
    'CF-GH-0011',
    '对乡村建设规划区内未取得乡村建设规划许可证进行建设的处理',
    'penalty',
    '《城乡规划法》第六十五条',
    TOWNSHIP,
    [camera()],
    '城乡规划执法',
    8,
  ),
  item(
    'CF-XF-0012',
    '对单位占用、堵塞、封闭疏散通道、安全出口的处罚',
    'penalty',
    '《消防法》第六十条第一款第（三）项',
    FIRE,
    [camera()],
    '消防监督执法',
    8,
  ),
  item(
    'CF-SW-0013',
    '对在河道管理范围内弃置、堆放阻碍行洪物体的处罚',
    'penalty',
    '《河道管理条例》第四十四条第（一）项',
    WATER,
    [
      { kind: 'camera', quantity: 1 },
      { kind: 'boat', quantity: 1 },
    ],
    '河道管理执法',
    6,
  ),
  item(
    'CF-WH-0014',
    '对互联网上网服务营业场所接纳未成年人的处罚',
    'penalty',
    '《互联网上网服务营业场所管理条例》第三十一条第（二）项',
    CULTURE,
    [camera(), { kind: 'id-verifier', quantity: 1 }],
    '文化市场执法',
    8,
  ),
];

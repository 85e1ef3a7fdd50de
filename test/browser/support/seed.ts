import type { TestApp } from '../../support/test-app';
import { TEST_ADMIN } from '../../support/test-app';

/** Today in the county's time zone (what the server calls today), `YYYY-MM-DD`. */
export function countyToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export const PASSWORD = 'browser-password-1';

export interface SeedCountyOptions {
  name: string;
  townships: string[];
  users: {
    username: string;
    role: 'county_admin' | 'township' | 'auditor' | 'department';
    township?: string;
    department?: string;
    head?: boolean;
  }[];
  powers: object[];
}

export interface County {
  countyId: string;
  townships: Record<string, { id: string; teamId: string }>;
}

function ok<T>(response: { status: number; body: unknown }, expected: number, what: string): T {
  if (response.status !== expected) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as T;
}

/**
 * A county as the tests need it, made through the public API: 沾益区 with its townships, a county
 * office user, one user per township named, an auditor, and the catalogue items given.
 */
export async function seedCounty(app: TestApp, options: SeedCountyOptions): Promise<County> {
  const admin = await app.loginAs(TEST_ADMIN.username, TEST_ADMIN.password);
  const county = ok<{ id: string }>(await admin.post('/api/v1/counties').send({ name: options.name }), 201, 'county');
  const townships: County['townships'] = {};
  for (const name of options.townships) {
    const township = ok<{ id: string; teamId: string }>(
      await admin.post(`/api/v1/counties/${county.id}/townships`).send({ name }),
      201,
      `township ${name}`,
    );
    townships[name] = { id: township.id, teamId: township.teamId };
  }
  for (const user of options.users) {
    const townshipId = user.township ? townships[user.township]?.id : undefined;
    ok(
      await admin.post('/api/v1/users').send({
        username: user.username,
        password: PASSWORD,
        role: user.role,
        countyId: county.id,
        ...(townshipId ? { townshipId } : {}),
        ...(user.department ? { department: user.department } : {}),
        ...(user.head ? { head: true } : {}),
      }),
      201,
      `user ${user.username}`,
    );
  }
  const office = options.users.find((user) => user.role === 'county_admin');
  if (office) {
    const client = await app.loginAs(office.username, PASSWORD);
    for (const power of options.powers)
      ok(await client.post('/api/v1/powers').send(power), 201, `power ${JSON.stringify(power).slice(0, 60)}`);
  }
  return { countyId: county.id, townships };
}

/** Items of the sample catalogue (shared/DOMAIN-NOTES.md §7). */
export const POWERS = {
  littering: {
    code: 'CF-CG-0001',
    name: '对随地吐痰、乱扔果皮纸屑烟头等废弃物的处罚',
    category: 'penalty',
    legalBasis: '《城市市容和环境卫生管理条例》第三十四条第（一）项',
    department: '城市管理局',
    requirements: {
      certifiedOfficers: 2,
      equipment: [{ kind: 'body-camera', quantity: 2 }],
      training: [{ course: '市容环卫执法实务', hours: 4 }],
    },
  },
  roadOccupation: {
    code: 'CF-CG-0004',
    name: '对擅自占用城市道路（占道经营）的处罚',
    category: 'penalty',
    legalBasis: '《城市道路管理条例》第二十七条第（一）项、第四十二条',
    department: '城市管理局',
    requirements: {
      certifiedOfficers: 2,
      equipment: [
        { kind: 'body-camera', quantity: 2 },
        { kind: 'vehicle', quantity: 1 },
      ],
      training: [{ course: '城市道路管理执法', hours: 6 }],
    },
  },
  unlicensedPenalty: {
    code: 'CF-SC-0006',
    name: '对无照经营的处罚',
    category: 'penalty',
    legalBasis: '《无证无照经营查处办法》第十三条',
    department: '市场监管局',
    requirements: {
      certifiedOfficers: 2,
      equipment: [{ kind: 'body-camera', quantity: 2 }],
      training: [{ course: '无证无照经营查处', hours: 8 }],
    },
  },
  strawBurning: {
    code: 'CF-HB-0009',
    name: '对露天焚烧秸秆、落叶等产生烟尘污染物质的处罚',
    category: 'penalty',
    legalBasis: '《大气污染防治法》第一百一十九条第一款',
    department: '生态环境局',
    requirements: {
      certifiedOfficers: 2,
      equipment: [
        { kind: 'body-camera', quantity: 2 },
        { kind: 'drone', quantity: 1 },
      ],
      training: [{ course: '大气污染防治执法', hours: 4 }],
    },
  },
} as const;

/** 沾益区 with one township (西平街道), its county office head and one township user, and the littering power. */
export const ONE_TOWNSHIP_COUNTY = {
  name: '沾益区',
  townships: ['西平街道'],
  users: [
    { username: 'zhanyi.office', role: 'county_admin', head: true },
    { username: 'xiping.li', role: 'township', township: '西平街道' },
  ],
  powers: [POWERS.littering],
} satisfies SeedCountyOptions;

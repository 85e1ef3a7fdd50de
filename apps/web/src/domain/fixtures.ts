import type { Handover, Power, Team } from '../api/types';

/** Test data for the web's pure modules: a handover, a power and a team, each with overrides. */
export function aHandover(overrides: Partial<Handover> = {}): Handover {
  return {
    id: 'h-1',
    countyId: 'c-1',
    powerCode: 'CF-CG-0001',
    powerName: '乱扔垃圾处罚',
    teamId: 'team-a',
    townshipId: 'tw-a',
    townshipName: '安昌街道',
    department: '城市管理局',
    status: 'active',
    mode: 'transfer',
    instrument: '沾政发〔2025〕12号',
    effectiveOn: '2025-07-01',
    endsOn: null,
    committed: {},
    readiness: { ready: true, gaps: [] },
    version: 1,
    recordedAt: '2025-06-01T00:00:00.000Z',
    updatedAt: '2025-06-01T00:00:00.000Z',
    ...overrides,
  };
}

export function aPower(overrides: Partial<Power> = {}): Power {
  return {
    code: 'CF-CG-0001',
    name: '乱扔垃圾处罚',
    category: 'penalty',
    legalBasis: '《城市市容和环境卫生管理条例》',
    department: '城市管理局',
    requirements: { certifiedOfficers: 2, equipment: [], training: [] },
    version: 1,
    ...overrides,
  };
}

export function aTeam(overrides: Partial<Team> = {}): Team {
  return {
    id: 'team-a',
    countyId: 'c-1',
    townshipId: 'tw-a',
    townshipName: '安昌街道',
    officers: [
      { officerId: 'o-1', name: '李明', certificateNumber: 'Z-1', certificateExpiresOn: '2030-01-01' },
      { officerId: 'o-2', name: '王芳', certificateNumber: 'Z-2', certificateExpiresOn: '2030-01-01' },
    ],
    equipment: [{ kind: 'body-camera', quantity: 2 }],
    training: [],
    version: 3,
    ...overrides,
  };
}

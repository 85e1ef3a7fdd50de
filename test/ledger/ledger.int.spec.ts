import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { EventStore, eventStoreMigrations } from '@fangquan/event-store';
import { dataSourceOptions, loadAppConfig, ManualClock } from '@fangquan/platform';
import {
  Handovers,
  handoverStreamId,
  type LedgerActor,
  LedgerContext,
  PowerItems,
  type RegisterPowerInput,
  teamStreamId,
  Teams,
  Vocabularies,
} from '@fangquan/ledger';

/** The ledger on the real PostgreSQL of the integration tier, with a clock set by hand. */

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const COUNTY = 'county-zhanyi';
const OTHER_COUNTY = 'county-keqiao';
const admin: LedgerActor = { username: 'zy.admin', countyId: COUNTY };
const township: LedgerActor = { username: 'xp.li', countyId: COUNTY };
const stranger: LedgerActor = { username: 'kq.admin', countyId: OTHER_COUNTY };
const LITTERING: RegisterPowerInput = {
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
};
const SEALING: RegisterPowerInput = {
  code: 'QZ-SC-0005',
  name: '对涉嫌无照经营场所的查封、工具物品的查封扣押',
  category: 'coercion',
  legalBasis: '《行政强制法》第十七条',
  department: '市场监管局',
  requirements: { certifiedOfficers: 2, equipment: [], training: [] },
};

describe('ledger (PostgreSQL)', () => {
  const serverUrl = process.env.TEST_DATABASE_URL ?? '';
  const database = `ledger_${randomBytes(6).toString('hex')}`;
  let dataSource: DataSource;
  let store: EventStore;
  // 2025-06-30 17:30 UTC is already 1 July in the county (Asia/Shanghai).
  const clock = new ManualClock(new Date('2025-06-30T17:30:00.000Z'));
  let powers: PowerItems;
  let teams: Teams;
  let handovers: Handovers;

  async function formTeam(countyId = COUNTY): Promise<string> {
    const teamId = randomUUID();
    await store.append(
      teamStreamId(teamId),
      'no-stream',
      [{ type: 'TeamFormed', data: { teamId, countyId, townshipId: randomUUID(), townshipName: '西平街道' } }],
      {
        actor: 'admin',
        countyId,
        correlationId: randomUUID(),
        causationId: null,
        occurredAt: clock.now().toISOString(),
      },
    );
    return teamId;
  }

  /** Gives a team what LITTERING requires: the officers (certified), two body cameras, the course for each; answers the officers' ids. */
  async function equipForLittering(service: Teams, teamId: string, officers: ReadonlyArray<readonly [string, string]>): Promise<string[]> {
    const ids: string[] = [];
    for (const [name, certificateNumber] of officers) {
      const added = await service.addOfficer(
        township,
        teamId,
        { name, certificateNumber, certificateExpiresOn: '2030-06-30' },
        { correlationId: 'officer' },
      );
      if (!added.ok) throw new Error(JSON.stringify(added.error));
      ids.push(added.officerId);
    }
    await service.receiveEquipment(township, teamId, { kind: 'body-camera', quantity: 2 }, { correlationId: 'cams' });
    for (const officerId of ids) {
      const trained = await service.recordTraining(
        township,
        teamId,
        { officerId, course: '市容环卫执法实务', hours: 4, completedOn: '2025-07-01' },
        { correlationId: 'training' },
      );
      expect(trained).toMatchObject({ ok: true, trainingId: expect.any(String) });
    }
    return ids;
  }

  beforeAll(async () => {
    if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set: run this file in the integration tier');
    await onServer(serverUrl, `CREATE DATABASE ${database}`);
    dataSource = new DataSource({
      ...dataSourceOptions(
        { kind: 'postgres', url: withDatabase(serverUrl, database), poolSize: 4 },
        { entities: [], migrations: eventStoreMigrations },
      ),
      logging: false,
    });
    await dataSource.initialize();
    await dataSource.runMigrations();
    store = new EventStore(dataSource);
    const context = new LedgerContext(clock, loadAppConfig({}));
    const vocabularies = new Vocabularies(store, context);
    powers = new PowerItems(store, context, vocabularies);
    teams = new Teams(store, context, vocabularies);
    handovers = new Handovers(store, context, powers, teams, vocabularies);
    expect((await powers.register(admin, LITTERING, { correlationId: 'setup' })).ok).toBe(true);
    expect((await powers.register(admin, SEALING, { correlationId: 'setup' })).ok).toBe(true);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    if (serverUrl) await onServer(serverUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  });

  it('writes who, which county, which request and when with every event', async () => {
    const result = await powers.register(admin, { ...LITTERING, code: 'CF-CG-0002' }, { correlationId: 'req-42' });
    expect(result).toMatchObject({
      ok: true,
      version: 1,
      lastGlobalPosition: expect.any(String),
      state: { status: 'registered', countyId: COUNTY, code: 'CF-CG-0002' },
    });
    const [event] = await store.readStream(`power-${COUNTY}-CF-CG-0002`);
    expect(event?.metadata).toEqual({
      actor: 'zy.admin',
      countyId: COUNTY,
      correlationId: 'req-42',
      causationId: null,
      occurredAt: '2025-06-30T17:30:00.000Z',
    });
  });

  it('refuses a repeated code, a county-less actor, and an unknown code to revise', async () => {
    expect(await powers.register(admin, LITTERING, { correlationId: 'x' })).toMatchObject({
      ok: false,
      error: { kind: 'rule', code: 'power-already-registered' },
      version: 1,
    });
    expect(await powers.register({ username: 'admin', countyId: null }, LITTERING, { correlationId: 'x' })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    expect(await powers.reviseRequirements(admin, 'NOPE', LITTERING.requirements, { correlationId: 'x' })).toMatchObject({
      ok: false,
      error: { kind: 'not-found' },
    });
  });

  it('keeps a team in its county: another county is forbidden and nothing is written', async () => {
    const teamId = await formTeam();
    expect(await teams.receiveEquipment(stranger, teamId, { kind: 'vehicle', quantity: 1 }, { correlationId: 'x' })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    expect(await teams.receiveEquipment(admin, randomUUID(), { kind: 'vehicle', quantity: 1 }, { correlationId: 'x' })).toMatchObject({
      ok: false,
      error: { kind: 'not-found' },
    });
    expect((await teams.load(teamId)).version).toBe(1);
  });

  it('refuses a stale expected version as a typed version conflict, writing nothing', async () => {
    const teamId = await formTeam();
    expect(
      await teams.receiveEquipment(township, teamId, { kind: 'body-camera', quantity: 2 }, { correlationId: 'x', expectedVersion: 1 }),
    ).toMatchObject({ ok: true, version: 2 });
    expect(
      await teams.receiveEquipment(township, teamId, { kind: 'body-camera', quantity: 2 }, { correlationId: 'x', expectedVersion: 1 }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'version-conflict', expected: 1, actual: 2 },
    });
    expect((await teams.load(teamId)).version).toBe(2);
  });

  it('snapshots a team every 50 events and loads the same state from the snapshot', async () => {
    const teamId = await formTeam();
    for (let i = 0; i < 60; i += 1) {
      const result = await teams.receiveEquipment(township, teamId, { kind: 'body-camera', quantity: 1 }, { correlationId: `cam-${i}` });
      expect(result.ok).toBe(true);
    }
    const rows: unknown = await dataSource.query('SELECT stream_version, state_schema FROM snapshots WHERE stream_id = $1', [
      teamStreamId(teamId),
    ]);
    expect(rows).toEqual([{ stream_version: 50, state_schema: 'team-state-v1' }]);
    const loaded = await teams.load(teamId);
    expect(loaded.version).toBe(61);
    expect(loaded.state).toMatchObject({ status: 'formed', equipment: [{ kind: 'body-camera', quantity: 60 }] });
  });

  it('records a handover with the gaps of the team as it is, accepts it once ready, active from the county’s today', async () => {
    const teamId = await formTeam();
    const recorded = await handovers.record(
      { username: 'zy.cg', countyId: COUNTY },
      {
        powerCode: LITTERING.code,
        teamId,
        mode: 'transfer',
        instrument: '沾政发〔2025〕12号',
        effectiveOn: '2025-07-01',
        committed: { equipment: [{ kind: 'body-camera', quantity: 2 }] },
        department: '城市管理局',
      },
      { correlationId: 'record' },
    );
    if (!recorded.ok) throw new Error(JSON.stringify(recorded.error));
    expect(recorded.state).toMatchObject({
      status: 'recorded',
      countyId: COUNTY,
      powerCategory: 'penalty',
      department: '城市管理局',
      committed: { officers: [], training: [] },
    });
    expect(recorded.gaps.map((gap) => [gap.resource, gap.item, gap.missing, gap.responsible])).toEqual([
      ['officers', 'certified-officer', 2, 'county-office'],
      ['training', '市容环卫执法实务', 2, 'county-office'],
      ['equipment', 'body-camera', 2, '城市管理局'],
    ]);
    const id = recorded.state.handoverId;

    const refused = await handovers.accept(township, id, {}, { correlationId: 'accept-1' });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'rule', code: 'handover-not-ready', gaps: recorded.gaps }, version: 1 });
    expect(await handovers.accept(stranger, id, {}, { correlationId: 'x' })).toMatchObject({ ok: false, error: { kind: 'forbidden' } });

    await equipForLittering(teams, teamId, [
      ['李明', 'C-1'],
      ['张华', 'C-2'],
    ]);

    const accepted = await handovers.accept(township, id, {}, { correlationId: 'accept-2', expectedVersion: 1 });
    expect(accepted).toMatchObject({
      ok: true,
      version: 3,
      gaps: [],
      state: { status: 'active', activatedOn: '2025-07-01', acceptance: { conditional: false, gaps: [] } },
    });
    const history = await handovers.history(id);
    expect(history?.map(({ type, version, actor }) => [type, version, actor])).toEqual([
      ['HandoverRecorded', 1, 'zy.cg'],
      ['HandoverAccepted', 2, 'xp.li'],
      ['HandoverActivated', 3, 'xp.li'],
    ]);
    expect(await handovers.history(randomUUID())).toBeNull();
  });

  it('decides on the power and team it keeps, and decides again on fresh ones when another process has changed them', async () => {
    // A second process: its own services (and so its own kept states) on the same database.
    const context = new LedgerContext(clock, loadAppConfig({}));
    const otherTeams = new Teams(store, context, new Vocabularies(store, context));
    const teamId = await formTeam();
    const input = {
      powerCode: LITTERING.code,
      teamId,
      mode: 'transfer' as const,
      instrument: '沾政发〔2025〕20号',
      effectiveOn: '2025-07-01',
    };
    const first = await handovers.record(admin, input, { correlationId: 'first' });
    if (!first.ok) throw new Error(JSON.stringify(first.error));
    expect(first.gaps.map((gap) => gap.resource)).toEqual(['officers', 'training', 'equipment']);

    // Kept: the next recording to the same team reads neither the power nor the team.
    const reads = vi.spyOn(store, 'readStreamsAfterSnapshots');
    try {
      expect(await handovers.record(admin, input, { correlationId: 'kept' })).toMatchObject({ ok: true, version: 1 });
      expect(reads).not.toHaveBeenCalled();

      // The other process equips the team: what this one keeps is now behind.
      const officers = await equipForLittering(otherTeams, teamId, [
        ['王芳', 'C-21'],
        ['赵强', 'C-22'],
      ]);

      // Decided on the kept (unequipped) team, the acceptance would be refused; it is decided again on the team as it is.
      const accepted = await handovers.accept(township, first.state.handoverId, {}, { correlationId: 'accept' });
      expect(accepted).toMatchObject({ ok: true, gaps: [], state: { status: 'active' } });
      expect(reads).toHaveBeenCalled();

      // An officer leaves in the other process: a recording decided on the kept team cannot be written, so it is decided again.
      expect((await otherTeams.removeOfficer(township, teamId, officers[0] as string, '调离', { correlationId: 'leave' })).ok).toBe(true);
      reads.mockClear();
      const appends = vi.spyOn(store, 'append');
      const after = await handovers.record(admin, input, { correlationId: 'after-leave' });
      if (!after.ok) throw new Error(JSON.stringify(after.error));
      expect(after.gaps.map((gap) => [gap.resource, gap.missing])).toEqual([
        ['officers', 1],
        ['training', 1],
      ]);
      expect(appends).toHaveBeenCalledTimes(2); // refused as a stale read, then written on the fresh team
      await expect(appends.mock.results[0]?.value).rejects.toMatchObject({ name: 'StaleReadError', streamId: teamStreamId(teamId) });
      expect(reads).toHaveBeenCalledTimes(1);
      expect(await store.readStream(handoverStreamId(after.state.handoverId))).toHaveLength(1);
      appends.mockRestore();
    } finally {
      reads.mockRestore();
    }
  });

  it('refuses to record across counties, for unknown powers and teams, and to entrust a coercive measure', async () => {
    const teamId = await formTeam();
    const input = { teamId, mode: 'transfer' as const, instrument: 'x', effectiveOn: '2025-08-01' };
    expect(await handovers.record(admin, { ...input, powerCode: 'NOPE' }, { correlationId: 'x' })).toMatchObject({
      ok: false,
      error: { kind: 'not-found' },
    });
    expect(
      await handovers.record(admin, { ...input, powerCode: LITTERING.code, teamId: randomUUID() }, { correlationId: 'x' }),
    ).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    await powers.register(stranger, LITTERING, { correlationId: 'x' });
    expect(await handovers.record(stranger, { ...input, powerCode: LITTERING.code }, { correlationId: 'x' })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    expect(await handovers.record(admin, { ...input, powerCode: SEALING.code, mode: 'entrustment' }, { correlationId: 'x' })).toMatchObject(
      {
        ok: false,
        error: { kind: 'rule', code: 'coercion-cannot-be-entrusted' },
      },
    );
    expect(
      await handovers.record(admin, { ...input, powerCode: LITTERING.code, mode: 'entrustment' }, { correlationId: 'x' }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'invalid', errors: [{ field: 'endsOn' }] },
    });
  });

  it('contests with the current gaps, amends back to recorded, records a reminder once, revokes', async () => {
    const teamId = await formTeam();
    const recorded = await handovers.record(
      admin,
      { powerCode: LITTERING.code, teamId, mode: 'transfer', instrument: 'x', effectiveOn: '2025-09-01' },
      { correlationId: 'x' },
    );
    if (!recorded.ok) throw new Error(JSON.stringify(recorded.error));
    const id = recorded.state.handoverId;
    const contested = await handovers.contest(township, id, '缺少执法记录仪', { correlationId: 'x' });
    expect(contested).toMatchObject({
      ok: true,
      state: { status: 'contested', contest: { reason: '缺少执法记录仪', gaps: recorded.gaps } },
    });
    const amended = await handovers.amendCommitments(
      admin,
      id,
      { equipment: [{ kind: 'body-camera', quantity: 2 }] },
      { correlationId: 'x' },
    );
    expect(amended).toMatchObject({ ok: true, state: { status: 'recorded' } });
    // The committed cameras make the department responsible for them.
    expect(amended.ok && amended.gaps.find((gap) => gap.resource === 'equipment')?.responsible).toBe('城市管理局');
    const reminder = { reminderId: 'r-1', kind: 'gap' as const, step: 0, recipients: ['zy.cg'] };
    const system: LedgerActor = { username: 'system', countyId: COUNTY };
    expect(await handovers.recordReminderSent(system, id, reminder, { correlationId: 'r', causationId: 'job-1' })).toMatchObject({
      ok: true,
      version: 4,
    });
    expect(await handovers.recordReminderSent(system, id, reminder, { correlationId: 'r', causationId: 'job-1' })).toMatchObject({
      ok: true,
      version: 4,
      lastGlobalPosition: null,
    });
    const [, , , sent] = await store.readStream(handoverStreamId(id));
    expect(sent?.metadata).toMatchObject({ actor: 'system', causationId: 'job-1' });
    expect(await handovers.revoke(admin, id, '收回', { correlationId: 'x' })).toMatchObject({
      ok: true,
      version: 5,
      state: { status: 'revoked' },
    });
    expect(await handovers.revoke(admin, id, '再次', { correlationId: 'x' })).toMatchObject({
      ok: false,
      error: { kind: 'rule', code: 'handover-revoked' },
    });
  });
});

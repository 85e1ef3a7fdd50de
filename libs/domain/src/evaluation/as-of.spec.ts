import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../decider';
import { dutyListStreamId, handoverStreamId, powerStreamId, teamStreamId } from '../stream-ids';
import { COUNTY, handoverRecorded, officers, TEAM, TOWNSHIP, teamFormed, URBAN_MANAGEMENT } from '../testing/sample-data';
import { asOfTownship } from './as-of';
import type { LoggedEvent } from './replay';

const POWER = 'CF-CG-0001';
const { zhangWei, liNa } = officers;

function log(entries: [day: string, streamId: string, event: DomainEvent][]): LoggedEvent[] {
  return entries.map(([day, streamId, event], index) => ({
    streamId,
    position: String(index + 1),
    countyId: COUNTY,
    occurredAt: `${day}T02:00:00.000Z`,
    day,
    event,
  }));
}

const history = log([
  [
    '2026-02-01',
    powerStreamId(COUNTY, POWER),
    {
      type: 'PowerItemRegistered',
      data: {
        countyId: COUNTY,
        code: POWER,
        name: '对随地吐痰的处罚',
        category: 'penalty',
        legalBasis: '条例第三十四条',
        department: URBAN_MANAGEMENT,
        requirements: { certifiedOfficers: 2, equipment: [{ kind: 'body-camera', quantity: 1 }], training: [] },
      },
    },
  ],
  ['2026-02-01', teamStreamId(TEAM), teamFormed()],
  ['2026-02-01', teamStreamId(TEAM), { type: 'OfficerJoined', data: { ...zhangWei, certificateExpiresOn: '2030-12-31' } }],
  ['2026-02-01', teamStreamId(TEAM), { type: 'EquipmentReceived', data: { kind: 'body-camera', quantity: 1 } }],
  [
    '2026-03-01',
    handoverStreamId('h1'),
    handoverRecorded({
      handoverId: 'h1',
      powerCode: POWER,
      committed: {
        officers: [{ name: liNa.name, certificateNumber: liNa.certificateNumber, certificateExpiresOn: '2030-12-31' }],
        equipment: [],
        training: [],
      },
    }),
  ],
  [
    '2026-03-03',
    handoverStreamId('h1'),
    { type: 'ReminderSent', data: { reminderId: 'r1', kind: 'gap', step: 1, recipients: ['user-9'] } },
  ],
  [
    '2026-03-08',
    dutyListStreamId(TOWNSHIP),
    {
      type: 'DutyListPublished',
      data: {
        countyId: COUNTY,
        townshipId: TOWNSHIP,
        version: 1,
        publishedAt: '2026-03-08T02:00:00.000Z',
        decisionRef: '沾政办〔2026〕3号',
        items: [
          { dutyCode: 'D1', name: '巡查', domain: '城乡建设', category: 'basic', source: 'catalogue' },
          { dutyCode: 'D2', name: '配合', domain: '城乡建设', category: 'assisting', source: 'catalogue' },
        ],
        changes: { added: [], removed: [], recategorized: [], revised: [] },
      },
    },
  ],
  ['2026-03-11', teamStreamId(TEAM), { type: 'OfficerJoined', data: { ...liNa, certificateExpiresOn: '2030-12-31' } }],
  ['2026-03-20', handoverStreamId('h1'), { type: 'HandoverRevoked', data: { reason: '收回', previousStatus: 'recorded' } }],
]);

describe('as-of evidence', () => {
  it('shows on day 5 the gap with the department responsible, the reminder sent and no duty list yet', () => {
    const evidence = asOfTownship(history, TOWNSHIP, '2026-03-05');
    expect(evidence.townshipName).toBe('西平街道');
    expect(evidence.handovers).toEqual([
      expect.objectContaining({
        handoverId: 'h1',
        status: 'recorded',
        ready: false,
        gaps: [{ resource: 'officers', item: 'certified-officer', required: 2, available: 1, missing: 1, responsible: URBAN_MANAGEMENT }],
      }),
    ]);
    expect(evidence.team).toMatchObject({ teamId: TEAM, certifiedOfficers: 1, equipment: [{ kind: 'body-camera', quantity: 1 }] });
    expect(evidence.reminders).toEqual([
      expect.objectContaining({ handoverId: 'h1', reminderId: 'r1', kind: 'gap', recipients: ['user-9'] }),
    ]);
    expect(evidence.dutyList).toBeNull();
    expect(evidence.lastEvent).toEqual({ position: '6', occurredAt: '2026-03-03T02:00:00.000Z' });
  });

  it('shows on day 12 the handover ready and the duty list version in force', () => {
    const evidence = asOfTownship(history, TOWNSHIP, '2026-03-12');
    expect(evidence.handovers).toEqual([expect.objectContaining({ handoverId: 'h1', ready: true, gaps: [] })]);
    expect(evidence.team.certifiedOfficers).toBe(2);
    expect(evidence.dutyList).toEqual({
      version: 1,
      publishedAt: '2026-03-08T02:00:00.000Z',
      decisionRef: '沾政办〔2026〕3号',
      counts: { basic: 1, assisting: 1, returned: 0 },
    });
  });

  it('is the same answer whatever the log holds after the day', () => {
    expect(asOfTownship(history, TOWNSHIP, '2026-03-05')).toEqual(asOfTownship(history.slice(0, 6), TOWNSHIP, '2026-03-05'));
  });

  it('shows a revoked handover as not ready with no gaps, and another township nothing', () => {
    expect(asOfTownship(history, TOWNSHIP, '2026-03-25').handovers).toEqual([
      expect.objectContaining({ status: 'revoked', ready: false, gaps: [] }),
    ]);
    const elsewhere = asOfTownship(history, 'township-other', '2026-03-25');
    expect(elsewhere).toMatchObject({
      townshipName: null,
      handovers: [],
      reminders: [],
      dutyList: null,
      team: { teamId: null, certifiedOfficers: 0 },
    });
  });

  it('counts an officer whose certificate lapsed before the day as not certified', () => {
    const lapsing = history.map((logged) =>
      logged.event.type === 'OfficerJoined' && logged.position === '3'
        ? { ...logged, event: { type: 'OfficerJoined', data: { ...zhangWei, certificateExpiresOn: '2026-03-04' } } }
        : logged,
    );
    const evidence = asOfTownship(lapsing, TOWNSHIP, '2026-03-05');
    expect(evidence.team.certifiedOfficers).toBe(0);
    expect(evidence.team.officers).toEqual([expect.objectContaining({ officerId: zhangWei.officerId, certified: false })]);
    expect(evidence.handovers[0]?.gaps).toEqual([
      expect.objectContaining({ resource: 'officers', missing: 2, responsible: URBAN_MANAGEMENT }),
    ]);
  });
});

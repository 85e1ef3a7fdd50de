import type { HandoverRecorded } from '@fangquan/domain';
import type { HandoverView } from '../entities/handover-view.entity';
import { applyHandoverEvent } from './handover-view.mapper';

describe('applyHandoverEvent', () => {
  const at = (version: number) => ({ version, occurredAt: new Date(Date.UTC(2025, 5, version, 2)) });
  const recorded: HandoverRecorded = {
    type: 'HandoverRecorded',
    data: {
      handoverId: 'h-1',
      countyId: 'county-zhanyi',
      powerCode: 'CF-SC-0006',
      powerCategory: 'penalty',
      teamId: 'team-xiping',
      townshipId: 'township-xiping',
      department: '市场监管局',
      mode: 'entrustment',
      instrument: '沾市监委〔2025〕3号',
      effectiveOn: '2025-07-01',
      endsOn: '2027-06-30',
      committed: { officers: [], equipment: [], training: [] },
    },
  };
  const start = applyHandoverEvent(null, recorded, at(1)) as HandoverView;

  it('records a new handover, not ready until assessed', () => {
    expect(start).toEqual({
      id: 'h-1',
      countyId: 'county-zhanyi',
      powerCode: 'CF-SC-0006',
      teamId: 'team-xiping',
      townshipId: 'township-xiping',
      townshipName: null,
      department: '市场监管局',
      status: 'recorded',
      mode: 'entrustment',
      instrument: '沾市监委〔2025〕3号',
      effectiveOn: '2025-07-01',
      endsOn: '2027-06-30',
      committed: { officers: [], equipment: [], training: [] },
      gaps: [],
      ready: false,
      version: 1,
      recordedAt: at(1).occurredAt,
      updatedAt: at(1).occurredAt,
    });
  });

  it('moves through the lifecycle like the domain', () => {
    const contested = applyHandoverEvent(start, { type: 'HandoverContested', data: { reason: '培训未到位', gaps: [] } }, at(2));
    expect(contested).toMatchObject({ status: 'contested', version: 2, updatedAt: at(2).occurredAt, recordedAt: at(1).occurredAt });
    const committed = { officers: [], equipment: [{ kind: 'body-camera', quantity: 2 }], training: [] };
    const amended = applyHandoverEvent(
      contested,
      { type: 'HandoverCommitmentsAmended', data: { committed, previousCommitted: start.committed } },
      at(3),
    );
    expect(amended).toMatchObject({ status: 'recorded', committed, version: 3 });
    const accepted = applyHandoverEvent(
      amended,
      { type: 'HandoverAccepted', data: { conditional: true, reason: '设备下月到位', gaps: [] } },
      at(4),
    );
    expect(accepted).toMatchObject({ status: 'accepted' });
    const reminded = applyHandoverEvent(
      accepted,
      { type: 'ReminderSent', data: { reminderId: 'r1', kind: 'gap', step: 0, recipients: ['市场监管局'] } },
      at(5),
    );
    expect(reminded).toMatchObject({ status: 'accepted', version: 5, updatedAt: at(5).occurredAt });
    const active = applyHandoverEvent(reminded, { type: 'HandoverActivated', data: { activatedOn: '2025-07-01' } }, at(6));
    expect(active).toMatchObject({ status: 'active' });
    const used = applyHandoverEvent(
      active,
      { type: 'HandoverUsageRecorded', data: { month: '2025-07', cases: 4, previousCases: null } },
      at(7),
    );
    expect(used).toEqual({ ...active, version: 7, updatedAt: at(7).occurredAt });
    const revoked = applyHandoverEvent(used, { type: 'HandoverRevoked', data: { reason: '收回', previousStatus: 'active' } }, at(8));
    expect(revoked).toMatchObject({ status: 'revoked', version: 8 });
  });

  it('keeps an accepted handover accepted when its commitments are amended', () => {
    const accepted = applyHandoverEvent(start, { type: 'HandoverAccepted', data: { conditional: false, gaps: [] } }, at(2));
    const amended = applyHandoverEvent(
      accepted,
      { type: 'HandoverCommitmentsAmended', data: { committed: start.committed, previousCommitted: start.committed } },
      at(3),
    );
    expect(amended?.status).toBe('accepted');
  });

  it('ignores events of a handover never recorded', () => {
    expect(applyHandoverEvent(null, { type: 'HandoverActivated', data: { activatedOn: '2025-07-01' } }, at(2))).toBeNull();
  });
});

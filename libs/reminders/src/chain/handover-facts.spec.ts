import { chainStateOf, withChainState } from './chain-record';
import { applyHandoverEvent } from './handover-facts';
import { recordedHandover as recorded } from '../../test/fixtures';
import { decideChain } from './reminder-chain';

describe('handover facts of a reminder chain', () => {
  const start = applyHandoverEvent(undefined, recorded, 1);

  it('starts a chain from HandoverRecorded, with no episode yet', () => {
    expect(start).toMatchObject({
      handoverId: 'h-1',
      teamId: 't-1',
      handoverStatus: 'recorded',
      handoverVersion: 1,
      episode: 0,
      fingerprint: null,
      nextStep: 0,
    });
  });

  it('follows the lifecycle and skips what it has already applied', () => {
    const contested = applyHandoverEvent(start, { type: 'HandoverContested', data: { reason: '缺装备', gaps: [] } }, 2);
    const amended = applyHandoverEvent(
      contested,
      {
        type: 'HandoverCommitmentsAmended',
        data: {
          committed: { officers: [], equipment: [{ kind: 'vehicle', quantity: 1 }], training: [] },
          previousCommitted: recorded.data.committed,
        },
      },
      3,
    );
    expect(amended).toMatchObject({
      handoverStatus: 'recorded',
      handoverVersion: 3,
      committed: { equipment: [{ kind: 'vehicle', quantity: 1 }] },
    });
    expect(applyHandoverEvent(amended, { type: 'HandoverRevoked', data: { reason: '收回', previousStatus: 'recorded' } }, 3)).toBe(amended);
    expect(applyHandoverEvent(amended, { type: 'HandoverRevoked', data: { reason: '收回', previousStatus: 'recorded' } }, 4)).toMatchObject(
      { handoverStatus: 'revoked' },
    );
    expect(applyHandoverEvent(undefined, { type: 'HandoverAccepted', data: { conditional: false, gaps: [] } }, 2)).toBeUndefined();
  });

  it('passes over a reminder sent and a month’s cases (办件量): neither changes what the chain needs', () => {
    expect(applyHandoverEvent(start, { type: 'HandoverUsageRecorded', data: { month: '2026-07', cases: 3, previousCases: null } }, 2)).toBe(
      start,
    );
    expect(
      applyHandoverEvent(start, { type: 'ReminderSent', data: { reminderId: 'r-1', kind: 'gap', step: 0, recipients: ['u-1'] } }, 2),
    ).toBe(start);
  });

  it('records when an episode opens and closes', () => {
    if (start === undefined) throw new Error('no chain');
    const gap = { resource: 'equipment' as const, item: 'drone', required: 1, available: 0, missing: 1, responsible: 'county-office' };
    const open = decideChain(chainStateOf(start), [gap]);
    if (open.kind !== 'open') throw new Error(open.kind);
    const opened = withChainState(start, open.next, '2026-07-01T00:00:00.000Z');
    expect(opened).toMatchObject({ episode: 1, revision: 1, openedAt: '2026-07-01T00:00:00.000Z', closedAt: null, gaps: [gap] });
    const close = decideChain(chainStateOf(opened), []);
    if (close.kind !== 'close') throw new Error(close.kind);
    expect(withChainState(opened, close.next, '2026-07-02T00:00:00.000Z')).toMatchObject({
      fingerprint: null,
      openedAt: '2026-07-01T00:00:00.000Z',
      closedAt: '2026-07-02T00:00:00.000Z',
    });
  });
});

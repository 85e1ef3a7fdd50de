import type { Gap } from '@fangquan/domain';
import { decideChain, NEW_CHAIN, pendingReminderId, type ChainState } from './reminder-chain';

const officers = (missing: number, responsible = 'county-office'): Gap => ({
  resource: 'officers',
  item: 'certified-officer',
  required: 2,
  available: 2 - missing,
  missing,
  responsible,
});
const cameras: Gap = { resource: 'equipment', item: 'body-camera', required: 2, available: 0, missing: 2, responsible: '城市管理局' };

function next(decision: ReturnType<typeof decideChain>): ChainState {
  if (decision.kind === 'none') throw new Error('no change');
  return decision.next;
}

describe('reminder chain', () => {
  it('opens an episode when gaps appear, at step 0', () => {
    const decision = decideChain(NEW_CHAIN, [officers(2), cameras]);
    expect(decision.kind).toBe('open');
    expect(next(decision)).toMatchObject({ episode: 1, revision: 1, nextStep: 0, fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(decideChain(NEW_CHAIN, [])).toEqual({ kind: 'none' });
  });

  it('follows changed gaps at the step it had reached, under a new revision', () => {
    const open = { ...next(decideChain(NEW_CHAIN, [officers(2), cameras])), nextStep: 2 };
    const changed = decideChain(open, [officers(1), cameras]);
    expect(changed.kind).toBe('change');
    expect(next(changed)).toMatchObject({ episode: 1, revision: 2, nextStep: 2 });
    expect(next(changed).fingerprint).not.toBe(open.fingerprint);
    expect(pendingReminderId('h', next(changed))).not.toBe(pendingReminderId('h', open));
  });

  it('keeps the chain when only the details of the same gaps change', () => {
    const open = next(decideChain(NEW_CHAIN, [officers(2)]));
    expect(decideChain(open, [officers(2)])).toEqual({ kind: 'none' });
    const refreshed = decideChain(open, [officers(2, '城市管理局')]);
    expect(refreshed.kind).toBe('refresh');
    expect(next(refreshed)).toMatchObject({ revision: open.revision, fingerprint: open.fingerprint, gaps: [officers(2, '城市管理局')] });
  });

  it('closes when no gap is left, and opens a new episode when gaps come back', () => {
    const open = next(decideChain(NEW_CHAIN, [cameras]));
    const closed = decideChain(open, []);
    expect(closed.kind).toBe('close');
    expect(next(closed)).toMatchObject({ episode: 1, revision: 2, fingerprint: null });
    expect(pendingReminderId('h', next(closed))).toBeUndefined();
    expect(next(decideChain(next(closed), [cameras]))).toMatchObject({ episode: 2, revision: 3, nextStep: 0 });
  });

  it('stops when the handover is revoked, with no gaps-closed notice', () => {
    const open = next(decideChain(NEW_CHAIN, [cameras]));
    const revoked = decideChain(open, null);
    expect(revoked.kind).toBe('revoke');
    expect(next(revoked)).toMatchObject({ fingerprint: null, revision: open.revision + 1 });
    expect(pendingReminderId('h', next(revoked))).toBeUndefined();
    expect(decideChain(next(revoked), null)).toEqual({ kind: 'none' });
    expect(decideChain(NEW_CHAIN, null)).toEqual({ kind: 'none' });
  });
});

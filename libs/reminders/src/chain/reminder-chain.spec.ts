import type { Gap } from '@fangquan/domain';
import { decideChain, grew, NEW_CHAIN, pendingReminderId, type ChainState } from './reminder-chain';

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

  it('follows shrinking gaps in its content only: no reminder, the step it waits for stays', () => {
    const open = { ...next(decideChain(NEW_CHAIN, [officers(2), cameras])), nextStep: 2 };
    const shrunk = decideChain(open, [officers(1), cameras]);
    expect(shrunk.kind).toBe('shrink');
    expect(next(shrunk)).toMatchObject({ episode: 1, revision: 2, nextStep: 2, gaps: [officers(1), cameras] });
    expect(next(shrunk).fingerprint).not.toBe(open.fingerprint);
    // The step due by time is the same job: its id does not follow the content.
    expect(pendingReminderId('h', next(shrunk))).toBe(pendingReminderId('h', open));
    expect(decideChain(next(shrunk), [cameras]).kind).toBe('shrink');
  });

  it('tells a new or larger gap at once, once, without moving the step or escalating', () => {
    const open = { ...next(decideChain(NEW_CHAIN, [officers(1)])), nextStep: 1 };
    const larger = decideChain(open, [officers(2)]);
    expect(larger).toMatchObject({ kind: 'grow', remind: true, next: { episode: 1, revision: 2, nextStep: 1, gaps: [officers(2)] } });
    const added = decideChain(open, [officers(1), cameras]);
    expect(added).toMatchObject({ kind: 'grow', remind: true, next: { nextStep: 1 } });
    expect(pendingReminderId('h', next(added))).toBe(pendingReminderId('h', open));
    // Before step 0 has gone, step 0 itself carries the new gaps: no extra reminder.
    expect(decideChain({ ...open, nextStep: 0 }, [officers(2)])).toMatchObject({ kind: 'grow', remind: false });
  });

  it('never moves the step, whatever the number of changes', () => {
    let chain: ChainState = { ...next(decideChain(NEW_CHAIN, [officers(2), cameras])), nextStep: 1 };
    const journey = [[officers(1), cameras], [cameras], [officers(1), cameras], [officers(2)], [officers(1)]];
    for (const gaps of journey) {
      const decision = decideChain(chain, gaps);
      chain = next(decision);
      expect(chain.nextStep).toBe(1);
      expect(chain.episode).toBe(1);
    }
    expect(chain.revision).toBe(1 + journey.length);
  });

  it('calls growth a gap that is new or misses more, whoever is responsible', () => {
    expect(grew([officers(2)], [officers(1)])).toBe(false);
    expect(grew([officers(2), cameras], [cameras])).toBe(false);
    expect(grew([officers(1)], [officers(2)])).toBe(true);
    expect(grew([officers(1)], [officers(1), cameras])).toBe(true);
    expect(grew([officers(1)], [cameras])).toBe(true);
    expect(grew([officers(2)], [officers(2, '城市管理局')])).toBe(false);
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

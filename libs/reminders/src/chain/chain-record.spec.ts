import type { Gap } from '@fangquan/domain';
import { gapReminderId } from '../policy/reminder-ids';
import { chainStateOf, type ChainRecord, followUpOf, withChainState, withFollowUp } from './chain-record';
import { applyHandoverEvent } from './handover-facts';
import { recordedHandover as recorded } from '../../test/fixtures';
import { decideChain } from './reminder-chain';

const drones = (missing: number): Gap => ({
  resource: 'equipment',
  item: 'drone',
  required: 2,
  available: 2 - missing,
  missing,
  responsible: 'county-office',
});
const now = new Date('2026-03-01T02:00:00.000Z');
const at = (ms: number): string => new Date(now.getTime() + ms).toISOString();

/** The chain after its gaps were assessed as `gaps`. */
function assessed(record: ChainRecord, gaps: Gap[] | null): ChainRecord {
  const decision = decideChain(chainStateOf(record), gaps);
  if (decision.kind === 'none') return record;
  return withChainState(record, decision.next, now.toISOString());
}

describe('a chain’s follow-up, left for the relay', () => {
  const start = applyHandoverEvent(undefined, recorded, 1);
  if (start === undefined) throw new Error('no chain');
  // Step 0 delivered in the process manager's batch: step 1 due in 3 days.
  const waiting = withFollowUp(assessed(start, [drones(2)]), 1, at(3 * 86_400_000));

  it('is none for a new chain', () => {
    expect(start.followUpDueAt).toBeNull();
    expect(followUpOf(start, now)).toBeUndefined();
  });

  it('is the chain’s pending step as a job, delayed until it is due', () => {
    expect(waiting).toMatchObject({ nextStep: 1, followUpDueAt: at(3 * 86_400_000) });
    expect(followUpOf(waiting, now)).toEqual({
      id: gapReminderId({ handoverId: 'h-1', episode: 1, step: 1 }),
      job: { kind: 'gap', handoverId: 'h-1', episode: 1, revision: 1, step: 1 },
      delayMs: 3 * 86_400_000,
    });
  });

  it('is due at once when the relay comes late', () => {
    expect(followUpOf(waiting, new Date(now.getTime() + 4 * 86_400_000))?.delayMs).toBe(0);
  });

  it('stays while the episode is open, whatever the gaps do (steps follow time), and goes when it closes or is revoked', () => {
    const refreshed = assessed(waiting, [{ ...drones(2), responsible: '城市管理局' }]);
    expect(refreshed.revision).toBe(waiting.revision);
    expect(refreshed.followUpDueAt).toBe(waiting.followUpDueAt);
    for (const gaps of [[drones(1)], [drones(2), { ...drones(1), item: 'body-camera' }]]) {
      const next = assessed(waiting, gaps);
      expect(next.revision).toBe(waiting.revision + 1);
      expect(next.followUpDueAt).toBe(waiting.followUpDueAt);
      expect(followUpOf(next, now)).toEqual({
        ...followUpOf(waiting, now),
        job: { ...followUpOf(waiting, now)?.job, revision: next.revision },
      });
    }
    for (const gaps of [[], null]) {
      const next = assessed(waiting, gaps);
      expect(next.revision).toBe(waiting.revision + 1);
      expect(next.followUpDueAt).toBeNull();
      expect(followUpOf(next, now)).toBeUndefined();
    }
  });

  it('is none for a revoked handover, whatever the row says', () => {
    expect(followUpOf({ ...waiting, handoverStatus: 'revoked' }, now)).toBeUndefined();
  });
});

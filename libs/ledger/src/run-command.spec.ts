import { StaleReadError, StreamVersionConflictError } from '@fangquan/event-store';
import type { LedgerResult } from './ledger.types';
import { retryOnStaleRead, runCommand } from './run-command';

type Result = LedgerResult<{ id: string }>;

const written = (id: string): Result => ({ ok: true, state: { id }, version: 1, lastGlobalPosition: '42' });
const nothingWritten: Result = { ok: true, state: { id: 'same' }, version: 3, lastGlobalPosition: null };
const refusedAsNotReady: Result = { ok: false, error: { kind: 'rule', code: 'handover-not-ready', detail: 'gaps remain' }, version: 1 };
const stale = (): StaleReadError => new StaleReadError('team-1', 4, 5);

/** An attempt that answers (or throws) the given outcomes in turn, and records which loads it was asked for. */
function scripted(...outcomes: Array<Result | Error>): { attempt: (fromCache: boolean) => Promise<Result>; asked: boolean[] } {
  const asked: boolean[] = [];
  return {
    asked,
    attempt: (fromCache) => {
      asked.push(fromCache);
      const outcome = outcomes[asked.length - 1];
      if (outcome === undefined) throw new Error('called more often than scripted');
      return outcome instanceof Error ? Promise.reject(outcome) : Promise.resolve(outcome);
    },
  };
}

describe('retryOnStaleRead', () => {
  it('keeps a write decided on kept states: one attempt', async () => {
    const run = scripted(written('h-1'));
    expect(await retryOnStaleRead(run.attempt)).toEqual(written('h-1'));
    expect(run.asked).toEqual([true]);
  });

  it('decides again on fresh loads when the append found a kept state moved', async () => {
    const run = scripted(stale(), written('h-2'));
    expect(await retryOnStaleRead(run.attempt)).toEqual(written('h-2'));
    expect(run.asked).toEqual([true, false]);
  });

  it('never answers a refusal or a no-op taken on kept states: both are decided again on fresh loads', async () => {
    const refusal = scripted(refusedAsNotReady, written('h-3'));
    expect(await retryOnStaleRead(refusal.attempt)).toEqual(written('h-3'));
    expect(refusal.asked).toEqual([true, false]);
    const noOp = scripted(nothingWritten, nothingWritten);
    expect(await retryOnStaleRead(noOp.attempt)).toEqual(nothingWritten);
    expect(noOp.asked).toEqual([true, false]);
    // A refusal on fresh loads stands.
    const fresh = scripted(refusedAsNotReady, refusedAsNotReady);
    expect(await retryOnStaleRead(fresh.attempt)).toEqual(refusedAsNotReady);
  });

  it('answers a version conflict, writing nothing, when the states keep moving', async () => {
    const run = scripted(stale(), stale(), stale());
    expect(await retryOnStaleRead(run.attempt)).toMatchObject({
      ok: false,
      error: { kind: 'version-conflict', expected: null, actual: null },
    });
    expect(run.asked).toEqual([true, false, false]);
  });

  it("in the caller's transaction, decides once on fresh loads and leaves a conflict to the caller: a failed statement has aborted it", async () => {
    const refusal = scripted(refusedAsNotReady);
    expect(await retryOnStaleRead(refusal.attempt, { inCallersTransaction: true })).toEqual(refusedAsNotReady);
    expect(refusal.asked).toEqual([false]);
    const moved = scripted(stale());
    expect(await retryOnStaleRead(moved.attempt, { inCallersTransaction: true })).toMatchObject({
      ok: false,
      error: { kind: 'version-conflict' },
    });
    expect(moved.asked).toEqual([false]);
  });

  it('lets any other error through at once', async () => {
    const run = scripted(new Error('database away'));
    await expect(retryOnStaleRead(run.attempt)).rejects.toThrow('database away');
    expect(run.asked).toEqual([true]);
  });
});

describe('runCommand', () => {
  it('turns a conflict on the written stream into a version-conflict result, but hands a stale read up for a retry', async () => {
    const identity = (state: { id: string }) => state;
    expect(await runCommand(() => Promise.reject(new StreamVersionConflictError('handover-1', 2, 3)), identity)).toMatchObject({
      ok: false,
      error: { kind: 'version-conflict', expected: 2, actual: 3 },
      version: 3,
    });
    await expect(runCommand(() => Promise.reject(stale()), identity)).rejects.toBeInstanceOf(StaleReadError);
  });
});

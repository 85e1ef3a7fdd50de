import type { DomainError } from '@fangquan/domain';
import { type HandleResult, StaleReadError, StreamVersionConflictError } from '@fangquan/event-store';
import { type LedgerResult, type Refused, refused } from './ledger.types';

/**
 * Runs an AggregateStore command and turns its outcome into a LedgerResult: a version conflict
 * becomes a typed `version-conflict` failure (nothing was written); other errors propagate.
 * `narrow` picks the written state's useful shape (e.g. an existing aggregate, never 'none').
 */
export async function runCommand<E, S, T>(
  handle: () => Promise<HandleResult<E, S, DomainError>>,
  narrow: (state: S) => T,
): Promise<LedgerResult<T>> {
  try {
    const result = await handle();
    if (!result.ok) return { ok: false, error: result.error, version: result.version };
    return { ok: true, state: narrow(result.state), version: result.nextVersion, lastGlobalPosition: result.lastGlobalPosition };
  } catch (error) {
    // A stale read is the caller's to retry on fresh loads (retryOnStaleRead).
    if (error instanceof StreamVersionConflictError && !(error instanceof StaleReadError)) {
      const expected = typeof error.expected === 'number' ? error.expected : error.expected === 'no-stream' ? 0 : null;
      const detail =
        error.actual === null
          ? 'The record was changed by someone else at the same time; reload it and try again'
          : `The record is at version ${error.actual}, not ${expected ?? 'the one expected'}; reload it and try again`;
      return { ok: false, error: { kind: 'version-conflict', detail, expected, actual: error.actual }, version: error.actual ?? 0 };
    }
    throw error;
  }
}

/** How many times a command decided on kept states is decided, in all, while those states keep moving. */
const STALE_READ_ATTEMPTS = 3;

/**
 * Runs a command that may be decided on states kept from earlier (`fromCache` true on the first
 * attempt only). A write is safe: its append checks that those states have not moved (StaleReadError
 * otherwise, nothing written), and the command is then decided again on fresh loads. A refusal, or a
 * decision to write nothing, is never checked so: it too is decided again on fresh loads, so that no
 * one is refused on an outdated state. If the states keep moving, the caller gets a version conflict.
 */
export async function retryOnStaleRead<R extends LedgerResult<unknown>>(
  attempt: (fromCache: boolean) => Promise<R>,
  options: { inCallersTransaction?: boolean } = {},
): Promise<R | Refused> {
  // A failed statement aborts the caller's transaction: decide once on fresh loads, and leave a conflict to the caller to retry whole.
  const attempts = options.inCallersTransaction === true ? 1 : STALE_READ_ATTEMPTS;
  for (let round = 1; ; round += 1) {
    const fromCache = round === 1 && attempts > 1;
    try {
      const result = await attempt(fromCache);
      if (fromCache && (!result.ok || result.lastGlobalPosition === null)) continue;
      return result;
    } catch (error) {
      if (!(error instanceof StaleReadError)) throw error;
      if (round >= attempts) {
        return refused({
          kind: 'version-conflict',
          detail: 'What this command depends on was changed by someone else at the same time; try again',
          expected: null,
          actual: null,
        });
      }
    }
  }
}

/** For states that exist after any successful command (the decider never leaves them at 'none'). */
export function existing<S extends { status: string }>(what: string): (state: S) => Exclude<S, { status: 'none' }> {
  return (state) => {
    if (state.status === 'none') throw new Error(`${what} has no state after a successful command`);
    return state as Exclude<S, { status: 'none' }>;
  };
}

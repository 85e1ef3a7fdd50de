import type { DomainError } from '@fangquan/domain';
import { type HandleResult, StreamVersionConflictError } from '@fangquan/event-store';
import type { LedgerResult } from './ledger.types';

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
    if (error instanceof StreamVersionConflictError) {
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

/** For states that exist after any successful command (the decider never leaves them at 'none'). */
export function existing<S extends { status: string }>(what: string): (state: S) => Exclude<S, { status: 'none' }> {
  return (state) => {
    if (state.status === 'none') throw new Error(`${what} has no state after a successful command`);
    return state as Exclude<S, { status: 'none' }>;
  };
}

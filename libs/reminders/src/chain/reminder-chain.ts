import { gapFingerprint, type Gap } from '@fangquan/domain';
import { gapReminderId } from '../policy/reminder-ids';
import type { ScheduledReminder } from '../queues/reminder-queues';

/**
 * A handover's reminder chain, as the process manager keeps it: which episode of gaps is open
 * (fingerprint not null), the gaps as they are now, which step is due next (steps follow time: each
 * is due a REMINDER_STEPS delay after the one before), and a revision that counts every change.
 */
export interface ChainState {
  readonly episode: number;
  readonly revision: number;
  /** gapFingerprint of the open gaps; null while the handover has none (or is revoked). */
  readonly fingerprint: string | null;
  readonly gaps: readonly Gap[];
  /** The step of the job that is pending (the delivery of step n schedules n + 1). */
  readonly nextStep: number;
}

export const NEW_CHAIN: ChainState = { episode: 0, revision: 0, fingerprint: null, gaps: [], nextStep: 0 };

/**
 * What to do when a handover's gaps are assessed anew. Steps follow time only: no change of gaps moves
 * the step the chain waits for, or escalates it.
 * - `open`: gaps appeared → new episode, step 0 at once;
 * - `shrink`: fewer or smaller gaps, none new or larger → the chain's content follows (the pending step
 *   will remind of what is left), no reminder now;
 * - `grow`: a new gap, or a larger one → the content follows and one reminder goes at once (`remind`:
 *   an update at the level the chain has reached; false while its step 0 is still to go, which will
 *   carry the new gaps anyway);
 * - `close`: no gaps left → the pending job goes, a gaps-closed notice to those reminded;
 * - `revoke`: the handover was revoked → the pending job goes, nothing more is sent;
 * - `refresh`: the same gaps with other details (e.g. who is responsible) → kept for the next step;
 * - `none`: nothing changed.
 */
export type ChainDecision =
  | { readonly kind: 'none' }
  | { readonly kind: 'refresh'; readonly next: ChainState }
  | { readonly kind: 'open'; readonly next: ChainState }
  | { readonly kind: 'shrink'; readonly previous: ChainState; readonly next: ChainState }
  | { readonly kind: 'grow'; readonly previous: ChainState; readonly next: ChainState; readonly remind: boolean }
  | { readonly kind: 'close'; readonly previous: ChainState; readonly next: ChainState }
  | { readonly kind: 'revoke'; readonly previous: ChainState; readonly next: ChainState };

/** `gaps` null: the handover is revoked (its chain stops for good: the caller passes null from then on). */
export function decideChain(chain: ChainState, gaps: readonly Gap[] | null): ChainDecision {
  if (gaps === null) {
    if (chain.fingerprint === null) return { kind: 'none' };
    return { kind: 'revoke', previous: chain, next: { ...chain, revision: chain.revision + 1, fingerprint: null, gaps: [] } };
  }
  if (gaps.length === 0) {
    if (chain.fingerprint === null) return { kind: 'none' };
    return { kind: 'close', previous: chain, next: { ...chain, revision: chain.revision + 1, fingerprint: null, gaps: [] } };
  }
  const fingerprint = gapFingerprint(gaps);
  if (chain.fingerprint === null) {
    return {
      kind: 'open',
      next: { ...chain, episode: chain.episode + 1, revision: chain.revision + 1, fingerprint, gaps: [...gaps], nextStep: 0 },
    };
  }
  if (chain.fingerprint !== fingerprint) {
    const next = { ...chain, revision: chain.revision + 1, fingerprint, gaps: [...gaps] };
    if (!grew(chain.gaps, gaps)) return { kind: 'shrink', previous: chain, next };
    return { kind: 'grow', previous: chain, next, remind: chain.nextStep > 0 };
  }
  if (JSON.stringify(sortedGaps(chain.gaps)) === JSON.stringify(sortedGaps(gaps))) return { kind: 'none' };
  return { kind: 'refresh', next: { ...chain, gaps: [...gaps] } };
}

/** Whether `after` holds a gap that `before` did not, or a larger one (more missing) of the same resource and item. */
export function grew(before: readonly Gap[], after: readonly Gap[]): boolean {
  const missing = new Map(before.map((gap) => [JSON.stringify([gap.resource, gap.item]), gap.missing]));
  return after.some((gap) => gap.missing > (missing.get(JSON.stringify([gap.resource, gap.item])) ?? 0));
}

/** The id of the job a chain is waiting for; undefined when nothing is pending. */
export function pendingReminderId(handoverId: string, chain: ChainState): string | undefined {
  if (chain.fingerprint === null) return undefined;
  return gapReminderId({ handoverId, episode: chain.episode, step: chain.nextStep });
}

/** The job of the step a chain waits for, `delayMs` from now; undefined when nothing is pending. */
export function pendingStep(handoverId: string, chain: ChainState, delayMs: number): ScheduledReminder | undefined {
  const id = pendingReminderId(handoverId, chain);
  if (id === undefined) return undefined;
  return {
    id,
    job: {
      kind: 'gap',
      handoverId,
      episode: chain.episode,
      revision: chain.revision,
      step: chain.nextStep,
    },
    delayMs,
  };
}

/** Gaps in a canonical form (key and list order), for comparing what jsonb gave back. */
function sortedGaps(gaps: readonly Gap[]): string[] {
  return gaps.map((gap) => JSON.stringify([gap.resource, gap.item, gap.required, gap.available, gap.missing, gap.responsible])).sort();
}

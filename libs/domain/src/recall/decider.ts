import type { Decider } from '../decider';
import type { RecallCommand } from './commands';
import { decideRecall } from './decide';
import type { RecallEvent } from './events';
import { evolveRecall } from './evolve';
import { initialRecallState, type RecallState } from './state';

/**
 * The recall requests of one item (a handover, or a duty) of one township: one stream per township and
 * item, so that "one pending request per item" holds under concurrent filings by the stream's version
 * alone (two filings race for the same stream; the second sees the first).
 */
export const recallDecider: Decider<RecallCommand, RecallEvent, RecallState> = {
  initialState: initialRecallState,
  decide: decideRecall,
  evolve: evolveRecall,
};

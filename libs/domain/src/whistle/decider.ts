import type { Decider } from '../decider';
import type { WhistleCommand } from './commands';
import { decideWhistle } from './decide';
import type { WhistleEvent } from './events';
import { evolveWhistle } from './evolve';
import { initialWhistleState, type WhistleState } from './state';

/** One whistle (吹哨) of one township, from its raising to its closing; one stream each. */
export const whistleDecider: Decider<WhistleCommand, WhistleEvent, WhistleState> = {
  initialState: initialWhistleState,
  decide: decideWhistle,
  evolve: evolveWhistle,
};

import type { Decider } from '../decider';
import type { HandoverCommand } from './commands';
import { decideHandover } from './decide';
import type { HandoverEvent } from './events';
import { evolveHandover } from './evolve';
import { initialHandoverState, type HandoverState } from './state';

/** One power handed by one department to one township team. */
export const handoverDecider: Decider<HandoverCommand, HandoverEvent, HandoverState> = {
  initialState: initialHandoverState,
  decide: decideHandover,
  evolve: evolveHandover,
};

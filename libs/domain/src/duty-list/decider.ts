import type { Decider } from '../decider';
import type { DutyListCommand } from './commands';
import { decideDutyList } from './decide';
import type { DutyListEvent } from './events';
import { evolveDutyList } from './evolve';
import { initialDutyListState, type DutyListState } from './state';

/** A township's duty list (一乡一单): the draft and its published versions; one stream per township. */
export const dutyListDecider: Decider<DutyListCommand, DutyListEvent, DutyListState> = {
  initialState: initialDutyListState,
  decide: decideDutyList,
  evolve: evolveDutyList,
};

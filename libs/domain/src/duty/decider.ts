import type { Decider } from '../decider';
import type { DutyCommand } from './commands';
import { decideDuty } from './decide';
import type { DutyEvent } from './events';
import { evolveDuty } from './evolve';
import { initialDutyState, type DutyState } from './state';

/** A duty item (职责事项) of a county's catalogue; one stream per county + code. */
export const dutyDecider: Decider<DutyCommand, DutyEvent, DutyState> = {
  initialState: initialDutyState,
  decide: (command, state) => decideDuty(command, state),
  evolve: evolveDuty,
};

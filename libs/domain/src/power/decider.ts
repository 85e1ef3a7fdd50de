import type { Decider } from '../decider';
import type { PowerItemCommand } from './commands';
import { decidePowerItem } from './decide';
import type { PowerItemEvent } from './events';
import { evolvePowerItem } from './evolve';
import { initialPowerItemState, type PowerItemState } from './state';

/** A power item of a county's catalogue; one stream per county + code. */
export const powerItemDecider: Decider<PowerItemCommand, PowerItemEvent, PowerItemState> = {
  initialState: initialPowerItemState,
  decide: (command, state) => decidePowerItem(command, state),
  evolve: evolvePowerItem,
};

import { exhaustive } from '../decider';
import type { PowerItemEvent } from './events';
import type { PowerItemState } from './state';

export function evolvePowerItem(state: PowerItemState, event: PowerItemEvent): PowerItemState {
  switch (event.type) {
    case 'PowerItemRegistered':
      return { status: 'registered', ...event.data };
    case 'PowerRequirementsRevised':
      return state.status === 'registered' ? { ...state, requirements: event.data.requirements } : state;
    default:
      return exhaustive(event, 'power item event');
  }
}

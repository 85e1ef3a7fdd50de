import { exhaustive } from '../decider';
import type { DutyEvent } from './events';
import type { DutyState } from './state';

export function evolveDuty(state: DutyState, event: DutyEvent): DutyState {
  switch (event.type) {
    case 'DutyRegistered':
      return { status: 'registered', ...event.data };
    case 'DutyRevised':
      return state.status === 'registered' ? { status: 'registered', ...event.data } : state;
    default:
      return exhaustive(event, 'duty event');
  }
}

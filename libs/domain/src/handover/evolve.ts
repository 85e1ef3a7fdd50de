import { exhaustive } from '../decider';
import type { HandoverEvent } from './events';
import type { HandoverState } from './state';

export function evolveHandover(state: HandoverState, event: HandoverEvent): HandoverState {
  if (event.type === 'HandoverRecorded') {
    return {
      status: 'recorded',
      ...event.data,
      acceptance: null,
      contest: null,
      activatedOn: null,
      revocation: null,
      sentReminderIds: [],
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'HandoverAccepted':
      return { ...state, status: 'accepted', acceptance: { ...event.data } };
    case 'HandoverContested':
      return { ...state, status: 'contested', contest: { ...event.data } };
    case 'HandoverCommitmentsAmended':
      return { ...state, status: state.status === 'contested' ? 'recorded' : state.status, committed: event.data.committed };
    case 'HandoverActivated':
      return { ...state, status: 'active', activatedOn: event.data.activatedOn };
    case 'HandoverRevoked':
      return { ...state, status: 'revoked', revocation: { ...event.data } };
    case 'ReminderSent':
      return { ...state, sentReminderIds: [...state.sentReminderIds, event.data.reminderId] };
    default:
      return exhaustive(event, 'handover event');
  }
}

import { exhaustive } from '../decider';
import type { HandoverEvent } from './events';
import type { HandoverState, HandoverStatus } from './state';

type RecordedStatus = Exclude<HandoverStatus, 'none'>;

/**
 * The handover lifecycle: the status after one more event of a recorded handover. The one statement
 * of it, followed by the aggregate, the read side's rows and the reminder chains alike.
 */
export function handoverStatusAfter(status: RecordedStatus, event: HandoverEvent): RecordedStatus {
  switch (event.type) {
    case 'HandoverRecorded':
      return 'recorded';
    case 'HandoverAccepted':
      return 'accepted';
    case 'HandoverContested':
      return 'contested';
    case 'HandoverCommitmentsAmended':
      // An amendment answers a contest: the township is asked again.
      return status === 'contested' ? 'recorded' : status;
    case 'HandoverActivated':
      return 'active';
    case 'HandoverRevoked':
      return 'revoked';
    case 'ReminderSent':
    case 'HandoverUsageRecorded':
      return status;
    default:
      return exhaustive(event, 'handover event');
  }
}

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
      usage: {},
    };
  }
  if (state.status === 'none') return state;
  const status = handoverStatusAfter(state.status, event);
  switch (event.type) {
    case 'HandoverAccepted':
      return { ...state, status, acceptance: { ...event.data } };
    case 'HandoverContested':
      return { ...state, status, contest: { ...event.data } };
    case 'HandoverCommitmentsAmended':
      return { ...state, status, committed: event.data.committed };
    case 'HandoverActivated':
      return { ...state, status, activatedOn: event.data.activatedOn };
    case 'HandoverRevoked':
      return { ...state, status, revocation: { ...event.data } };
    case 'ReminderSent':
      return { ...state, sentReminderIds: [...state.sentReminderIds, event.data.reminderId] };
    case 'HandoverUsageRecorded':
      return { ...state, usage: { ...state.usage, [event.data.month]: event.data.cases } };
    default:
      return exhaustive(event, 'handover event');
  }
}

import { exhaustive } from '../decider';
import type { AdmissionEvent } from './events';
import type { AdmissionState } from './state';

export function evolveAdmission(state: AdmissionState, event: AdmissionEvent): AdmissionState {
  switch (event.type) {
    case 'TaskAdmissionFiled':
      return { status: 'pending', ...event.data, decision: null };
    case 'TaskAdmitted':
      return state.status === 'none' ? state : { ...state, status: 'admitted', decision: event.data };
    case 'TaskAdmissionRefused':
      return state.status === 'none' ? state : { ...state, status: 'refused', decision: event.data };
    default:
      return exhaustive(event, 'admission event');
  }
}

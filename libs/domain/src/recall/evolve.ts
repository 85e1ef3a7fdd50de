import { exhaustive } from '../decider';
import type { RecallEvent } from './events';
import type { RecallRequestRecord, RecallState } from './state';

export function evolveRecall(state: RecallState, event: RecallEvent): RecallState {
  switch (event.type) {
    case 'RecallRequested': {
      const { countyId, townshipId, handoverId, dutyCode, ...filed } = event.data;
      const request: RecallRequestRecord = { ...filed, status: 'pending', decision: null };
      if (state.status !== 'none') return { ...state, requests: [...state.requests, request] };
      return {
        status: 'filed',
        countyId,
        townshipId,
        ...(handoverId === undefined ? {} : { handoverId }),
        ...(dutyCode === undefined ? {} : { dutyCode }),
        requests: [request],
      };
    }
    case 'RecallApproved':
    case 'RecallRejected': {
      if (state.status === 'none') return state;
      const { requestId, ...decision } = event.data;
      const status = event.type === 'RecallApproved' ? 'approved' : 'rejected';
      return {
        ...state,
        requests: state.requests.map((request) => (request.requestId === requestId ? { ...request, status, decision } : request)),
      };
    }
    default:
      return exhaustive(event, 'recall event');
  }
}

import { exhaustive } from '../decider';
import type { WhistleEvent } from './events';
import { withDeadline, type RaisedWhistle, type StepTimeliness, type WhistleState, type WhistleStep } from './state';

const NOT_DONE: StepTimeliness = { accept: null, arrive: null, resolve: null };
const NO_DEADLINES = { acceptBy: null, arriveBy: null, resolveBy: null };

export function evolveWhistle(state: WhistleState, event: WhistleEvent): WhistleState {
  if (event.type === 'WhistleRaised')
    return {
      ...event.data,
      status: 'draft',
      signedOff: null,
      awaitingDispatchBecause: null,
      department: null,
      coDepartments: [],
      routedBy: null,
      dispatchedAt: null,
      deadlines: NO_DEADLINES,
      overdue: [],
      overdueRecords: [],
      acceptedAt: null,
      arrivedAt: null,
      resolvedAt: null,
      onTime: NOT_DONE,
      result: null,
      objections: [],
      extensionRequest: null,
      extensionDecisions: [],
      evaluation: null,
      reopening: null,
    };
  return state.status === 'none' ? state : evolveRaised(state, event);
}

function evolveRaised(state: RaisedWhistle, event: WhistleEvent): RaisedWhistle {
  switch (event.type) {
    case 'WhistleRaised':
      return state;
    case 'WhistleSignedOff':
      return { ...state, signedOff: { by: event.data.signedOffBy, at: event.data.signedOffAt } };
    case 'WhistleReferredToCountyOffice':
      return { ...state, status: 'awaiting-dispatch', awaitingDispatchBecause: event.data.reason };
    case 'WhistleDispatched':
      return {
        ...state,
        status: 'dispatched',
        awaitingDispatchBecause: null,
        department: event.data.department,
        coDepartments: [...event.data.coDepartments],
        routedBy: event.data.routedBy,
        dispatchedAt: event.data.dispatchedAt,
        deadlines: { ...NO_DEADLINES, acceptBy: event.data.acceptBy },
      };
    case 'WhistleAccepted':
      return {
        ...stepDone(state, 'accept', event.data.onTime),
        status: 'accepted',
        acceptedAt: event.data.acceptedAt,
        deadlines: { ...state.deadlines, arriveBy: event.data.arriveBy },
      };
    case 'WhistleArrived':
      return {
        ...stepDone(state, 'arrive', event.data.onTime),
        status: 'arrived',
        arrivedAt: event.data.arrivedAt,
        deadlines: { ...state.deadlines, resolveBy: event.data.resolveBy },
      };
    case 'WhistleResolved':
      return {
        // Late once, late for the record: a resolution after a reopening does not make up for a late first one.
        ...stepDone(state, 'resolve', state.onTime.resolve !== false && event.data.onTime),
        status: 'resolved',
        resolvedAt: event.data.resolvedAt,
        result: event.data.result,
      };
    case 'WhistleObjected':
      return {
        ...state,
        status: 'awaiting-dispatch',
        awaitingDispatchBecause: 'objection',
        department: null,
        coDepartments: [],
        routedBy: null,
        dispatchedAt: null,
        deadlines: NO_DEADLINES,
        overdue: [],
        acceptedAt: null,
        arrivedAt: null,
        onTime: NOT_DONE,
        extensionRequest: null,
        objections: [...state.objections, event.data],
      };
    case 'WhistleExtensionRequested':
      return { ...state, extensionRequest: event.data };
    case 'WhistleExtensionGranted':
      return {
        ...state,
        deadlines: withDeadline(state.deadlines, event.data.step, event.data.until),
        overdue: state.overdue.filter((step) => step !== event.data.step),
        extensionRequest: null,
        extensionDecisions: [...state.extensionDecisions, { ...event.data, granted: true }],
      };
    case 'WhistleExtensionRefused':
      return { ...state, extensionRequest: null, extensionDecisions: [...state.extensionDecisions, { ...event.data, granted: false }] };
    case 'WhistleEvaluated':
      return { ...state, status: 'closed', evaluation: event.data };
    case 'WhistleReopened':
      return { ...state, status: 'reopened', reopening: event.data, deadlines: { ...state.deadlines, resolveBy: event.data.resolveBy } };
    case 'WhistleStepOverdue':
      return {
        ...state,
        overdue: state.overdue.includes(event.data.step) ? state.overdue : [...state.overdue, event.data.step],
        overdueRecords: [
          ...state.overdueRecords,
          { step: event.data.step, deadline: event.data.deadline, department: event.data.department },
        ],
      };
    default:
      return exhaustive(event, 'whistle event');
  }
}

/** The step is done: no longer overdue, and no extension of it pending. */
function stepDone(state: RaisedWhistle, step: WhistleStep, onTime: boolean): RaisedWhistle {
  return {
    ...state,
    overdue: state.overdue.filter((overdue) => overdue !== step),
    onTime: { ...state.onTime, [step]: onTime },
    extensionRequest: null,
  };
}

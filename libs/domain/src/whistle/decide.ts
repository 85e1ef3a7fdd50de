import { exhaustive, type Decision, type DecisionContext } from '../decider';
import { accept, forbid, invalid, notFound, refuse, rule, RuleCodes, type DomainError } from '../domain-error';
import type {
  AcceptWhistle,
  DecideExtension,
  DepartmentActor,
  DispatchWhistle,
  EvaluateWhistle,
  ObjectToWhistle,
  RaiseWhistle,
  RecordStepOverdue,
  ReopenWhistle,
  ReportArrival,
  RequestExtension,
  ResolveWhistle,
  SignOffWhistle,
  TownshipActor,
  WhistleCommand,
  WhistleRouting,
} from './commands';
import type { WhistleEvent } from './events';
import { deadlineOf, stepInProgress, type RaisedWhistle, type WhistleState, type WhistleStep } from './state';

/**
 * The rules of a whistle (吹哨报到). A township raises it; its head signs it off (at once when the head
 * raises it), and the township's duty list routes it to the item's lead department, or the county office
 * dispatches it. Only the lead department accepts, reports on site, resolves, objects or asks for more time;
 * co-handlers only see it. The township evaluates the resolution and, unsatisfied, may reopen it once.
 *
 * An objection sends the whistle back to the county office, which arbitrates: it may dispatch it to
 * another department, or overrule the objection by dispatching it to the objecting department again —
 * which then cannot object a second time, so that a whistle never bounces between the office and a
 * department without end.
 *
 * Deadlines come in the commands (computed by the caller in working time); `ctx.now` says when each
 * step is done, and whether it was done in time.
 */
export function decideWhistle(command: WhistleCommand, state: WhistleState, ctx: DecisionContext): Decision<WhistleEvent> {
  if (command.type === 'RaiseWhistle') return raise(command, state, ctx);
  if (state.status === 'none') return refuse(notFound('No such whistle'));
  switch (command.type) {
    case 'SignOffWhistle':
      return signOff(command, state, ctx);
    case 'DispatchWhistle':
      return dispatch(command, state, ctx);
    case 'AcceptWhistle':
    case 'ReportArrival':
    case 'ResolveWhistle':
      return doStep(command, state, ctx);
    case 'ObjectToWhistle':
      return object(command, state, ctx);
    case 'RequestExtension':
      return requestExtension(command, state, ctx);
    case 'DecideExtension':
      return decideExtension(command, state, ctx);
    case 'EvaluateWhistle':
      return evaluate(command, state, ctx);
    case 'ReopenWhistle':
      return reopen(command, state, ctx);
    case 'RecordStepOverdue':
      return recordOverdue(command, state, ctx);
    default:
      return exhaustive(command, 'whistle command');
  }
}

function raise(command: RaiseWhistle, state: WhistleState, ctx: DecisionContext): Decision<WhistleEvent> {
  const { by, routing, acceptBy, ...whistle } = command.data;
  if (state.status !== 'none') return refuse(rule(RuleCodes.whistleAlreadyRaised, `Whistle ${whistle.whistleId} is already raised`));
  if (by.townshipId !== whistle.townshipId)
    return refuse(forbid(RuleCodes.whistleOfAnotherTownship, 'A township user raises whistles for its own township only'));
  if (whistle.dutyCategory === 'basic')
    return refuse(
      rule(
        RuleCodes.whistleWithinTownshipDuties,
        `${whistle.dutyCode ?? 'The item'} is a basic duty of the township: it acts on it itself; a whistle is for what lies beyond its powers`,
      ),
    );
  const raised: WhistleEvent = { type: 'WhistleRaised', data: { ...whistle, raisedBy: by.username, raisedAt: ctx.now } };
  if (!by.head) return accept(raised);
  if (routing === undefined) return refuse(invalid([{ field: 'routing', message: 'is required when the head raises the whistle' }]));
  return withSignOff([raised], by, routing, acceptBy, whistle.dutyCode, ctx);
}

function signOff(command: SignOffWhistle, state: RaisedWhistle, ctx: DecisionContext): Decision<WhistleEvent> {
  const { by, routing, acceptBy } = command.data;
  const denied = townshipRefusal(state, by) ?? closedRefusal(state);
  if (denied !== undefined) return refuse(denied);
  if (!by.head) return refuse(forbid(RuleCodes.notTownshipHead, 'Only a head (负责人) of the township signs a whistle off'));
  if (state.status !== 'draft') return refuse(rule(RuleCodes.whistleAlreadySignedOff, 'The whistle is already signed off'));
  return withSignOff([], by, routing, acceptBy, state.dutyCode, ctx);
}

/** Signed off, then routed by the list: to its lead department (the clock starts), or to the county office. */
function withSignOff(
  before: WhistleEvent[],
  by: TownshipActor,
  routing: WhistleRouting,
  acceptBy: string | undefined,
  dutyCode: string | undefined,
  ctx: DecisionContext,
): Decision<WhistleEvent> {
  const signedOff: WhistleEvent = { type: 'WhistleSignedOff', data: { signedOffBy: by.username, signedOffAt: ctx.now } };
  if (routing.department === undefined) {
    const reason = dutyCode === undefined ? 'no-item' : 'no-lead-department';
    return accept(...before, signedOff, { type: 'WhistleReferredToCountyOffice', data: { reason, referredAt: ctx.now } });
  }
  if (acceptBy === undefined) return refuse(invalid([{ field: 'acceptBy', message: 'is required when the list names a lead department' }]));
  const late = notAfterNow('acceptBy', acceptBy, ctx);
  if (late !== undefined) return refuse(late);
  return accept(...before, signedOff, {
    type: 'WhistleDispatched',
    data: {
      department: routing.department,
      coDepartments: routing.coDepartments,
      routedBy: 'list',
      dispatchedBy: by.username,
      dispatchedAt: ctx.now,
      acceptBy,
    },
  });
}

function dispatch(command: DispatchWhistle, state: RaisedWhistle, ctx: DecisionContext): Decision<WhistleEvent> {
  const { by, department, coDepartments, acceptBy } = command.data;
  const closed = closedRefusal(state);
  if (closed !== undefined) return refuse(closed);
  if (state.status === 'draft') return refuse(rule(RuleCodes.whistleNotSignedOff, 'The township head has not signed the whistle off yet'));
  if (state.status !== 'awaiting-dispatch')
    return refuse(
      rule(RuleCodes.whistleNotAwaitingDispatch, `The whistle is ${state.status}, with ${state.department ?? 'no department'}`),
    );
  const late = notAfterNow('acceptBy', acceptBy, ctx);
  if (late !== undefined) return refuse(late);
  return accept({
    type: 'WhistleDispatched',
    data: { department, coDepartments, routedBy: 'county-office', dispatchedBy: by.username, dispatchedAt: ctx.now, acceptBy },
  });
}

const STEP_OF = { AcceptWhistle: 'accept', ReportArrival: 'arrive', ResolveWhistle: 'resolve' } as const satisfies Record<
  string,
  WhistleStep
>;

function doStep(
  command: AcceptWhistle | ReportArrival | ResolveWhistle,
  state: RaisedWhistle,
  ctx: DecisionContext,
): Decision<WhistleEvent> {
  const by = command.data.by;
  const denied = leadRefusal(state, by) ?? closedRefusal(state);
  if (denied !== undefined) return refuse(denied);
  const step = STEP_OF[command.type];
  const current = stepInProgress(state.status);
  if (current !== step) {
    if (state.status === 'resolved') return refuse(rule(RuleCodes.whistleAlreadyResolved, 'The whistle is already resolved'));
    return refuse(
      rule(RuleCodes.whistleStepOutOfOrder, `The whistle is ${state.status}: the next step is ${current ?? 'none'}, not ${step}`),
    );
  }
  const deadline = deadlineOf(state.deadlines, step);
  const onTime = deadline === null || !isLater(ctx.now, deadline);
  const department = by.department;
  switch (command.type) {
    case 'AcceptWhistle': {
      const late = notAfterNow('arriveBy', command.data.arriveBy, ctx);
      if (late !== undefined) return refuse(late);
      return accept({
        type: 'WhistleAccepted',
        data: { department, acceptedBy: by.username, acceptedAt: ctx.now, onTime, arriveBy: command.data.arriveBy },
      });
    }
    case 'ReportArrival': {
      const late = notAfterNow('resolveBy', command.data.resolveBy, ctx);
      if (late !== undefined) return refuse(late);
      return accept({
        type: 'WhistleArrived',
        data: { department, arrivedBy: by.username, arrivedAt: ctx.now, onTime, resolveBy: command.data.resolveBy },
      });
    }
    case 'ResolveWhistle':
      return accept({
        type: 'WhistleResolved',
        data: { department, resolvedBy: by.username, resolvedAt: ctx.now, onTime, result: command.data.result },
      });
    default:
      return exhaustive(command, 'whistle step');
  }
}

function object(command: ObjectToWhistle, state: RaisedWhistle, ctx: DecisionContext): Decision<WhistleEvent> {
  const { by, reason } = command.data;
  const denied = leadRefusal(state, by) ?? closedRefusal(state) ?? unresolvedRefusal(state);
  if (denied !== undefined) return refuse(denied);
  if (state.objections.some((objection) => objection.department === by.department))
    return refuse(
      rule(
        RuleCodes.objectionOverruled,
        `The county office dispatched the whistle to ${by.department} again after its objection; the dispatch stands`,
      ),
    );
  return accept({ type: 'WhistleObjected', data: { department: by.department, objectedBy: by.username, objectedAt: ctx.now, reason } });
}

/** The extension is of the step in progress: the only deadline pending (each next one is set when its step starts). */
function requestExtension(command: RequestExtension, state: RaisedWhistle, ctx: DecisionContext): Decision<WhistleEvent> {
  const { by, until, reason } = command.data;
  const denied = leadRefusal(state, by) ?? closedRefusal(state) ?? unresolvedRefusal(state);
  if (denied !== undefined) return refuse(denied);
  const step = stepInProgress(state.status);
  const deadline = step === undefined ? null : deadlineOf(state.deadlines, step);
  if (step === undefined || deadline === null)
    return refuse(rule(RuleCodes.whistleStepOutOfOrder, `The whistle is ${state.status}: no step is in progress`));
  if (state.extensionRequest !== null)
    return refuse(rule(RuleCodes.extensionAlreadyRequested, `An extension to ${state.extensionRequest.until} awaits the county office`));
  if (isLater(ctx.now, deadline))
    return refuse(
      rule(RuleCodes.whistleDeadlinePassed, `The ${step} deadline ${deadline} has passed: an extension is asked for before it`),
    );
  if (!isLater(until, deadline))
    return refuse(invalid([{ field: 'until', message: `must be after the current deadline (${deadline})`, code: 'too-early' }]));
  return accept({
    type: 'WhistleExtensionRequested',
    data: { department: by.department, step, until, reason, requestedBy: by.username, requestedAt: ctx.now },
  });
}

function decideExtension(command: DecideExtension, state: RaisedWhistle, ctx: DecisionContext): Decision<WhistleEvent> {
  const { by, granted, reason } = command.data;
  const closed = closedRefusal(state);
  if (closed !== undefined) return refuse(closed);
  const request = state.extensionRequest;
  if (request === null) return refuse(rule(RuleCodes.noExtensionRequested, 'No extension of this whistle awaits a decision'));
  const data = { step: request.step, until: request.until, reason, decidedBy: by.username, decidedAt: ctx.now };
  return accept(granted ? { type: 'WhistleExtensionGranted', data } : { type: 'WhistleExtensionRefused', data });
}

function evaluate(command: EvaluateWhistle, state: RaisedWhistle, ctx: DecisionContext): Decision<WhistleEvent> {
  const { by, score, satisfied, comment } = command.data;
  const denied = townshipRefusal(state, by) ?? closedRefusal(state);
  if (denied !== undefined) return refuse(denied);
  if (state.status !== 'resolved') return refuse(rule(RuleCodes.whistleNotResolved, `The whistle is ${state.status}, not resolved yet`));
  return accept({
    type: 'WhistleEvaluated',
    data: { score, satisfied, ...(comment === undefined ? {} : { comment }), evaluatedBy: by.username, evaluatedAt: ctx.now },
  });
}

function reopen(command: ReopenWhistle, state: RaisedWhistle, ctx: DecisionContext): Decision<WhistleEvent> {
  const { by, reason, resolveBy } = command.data;
  const denied = townshipRefusal(state, by);
  if (denied !== undefined) return refuse(denied);
  if (state.status !== 'closed' || state.evaluation === null)
    return refuse(rule(RuleCodes.whistleNotEvaluated, `The whistle is ${state.status}: it is reopened after an unsatisfied evaluation`));
  if (state.reopening !== null) return refuse(rule(RuleCodes.whistleAlreadyReopened, 'A whistle is reopened once only'));
  if (state.evaluation.satisfied)
    return refuse(rule(RuleCodes.whistleEvaluatedSatisfied, 'The township was satisfied with the resolution'));
  const late = notAfterNow('resolveBy', resolveBy, ctx);
  if (late !== undefined) return refuse(late);
  return accept({ type: 'WhistleReopened', data: { reason, reopenedBy: by.username, reopenedAt: ctx.now, resolveBy } });
}

function recordOverdue(command: RecordStepOverdue, state: RaisedWhistle, ctx: DecisionContext): Decision<WhistleEvent> {
  const { step, deadline } = command.data;
  const current = deadlineOf(state.deadlines, step);
  const department = state.department;
  if (stepInProgress(state.status) !== step || department === null || current === null) return accept();
  const recorded = state.overdueRecords.some((record) => record.step === step && sameInstant(record.deadline, current));
  if (!sameInstant(current, deadline) || !isLater(ctx.now, current) || recorded) return accept();
  return accept({ type: 'WhistleStepOverdue', data: { step, deadline: current, department, recordedAt: ctx.now } });
}

function townshipRefusal(state: RaisedWhistle, by: TownshipActor): DomainError | undefined {
  return by.townshipId === state.townshipId
    ? undefined
    : forbid(RuleCodes.whistleOfAnotherTownship, 'This whistle belongs to another township');
}

/** Only the lead department acts; co-handlers see the whistle. */
function leadRefusal(state: RaisedWhistle, by: DepartmentActor): DomainError | undefined {
  if (state.department !== null && by.department === state.department) return undefined;
  if (state.coDepartments.includes(by.department))
    return forbid(
      RuleCodes.notLeadDepartment,
      `${by.department} co-handles this whistle; ${state.department ?? 'the lead department'} acts on it`,
    );
  return forbid(
    RuleCodes.notLeadDepartment,
    state.department === null ? 'The whistle has no lead department yet' : `This whistle is ${state.department}'s to handle`,
  );
}

function closedRefusal(state: RaisedWhistle): DomainError | undefined {
  return state.status === 'closed' ? rule(RuleCodes.whistleClosed, 'The whistle is closed') : undefined;
}

/** Objections and extensions come before the resolution. */
function unresolvedRefusal(state: RaisedWhistle): DomainError | undefined {
  return state.status === 'resolved' || state.status === 'reopened'
    ? rule(RuleCodes.whistleAlreadyResolved, `The whistle is ${state.status}: it was resolved already`)
    : undefined;
}

function notAfterNow(field: string, deadline: string, ctx: DecisionContext): DomainError | undefined {
  return isLater(deadline, ctx.now)
    ? undefined
    : invalid([{ field, message: `must be after the time of the decision (${ctx.now})`, code: 'too-early' }]);
}

function isLater(a: string, b: string): boolean {
  return Date.parse(a) > Date.parse(b);
}

function sameInstant(a: string, b: string): boolean {
  return Date.parse(a) === Date.parse(b);
}

import { exhaustive, type Decision, type DecisionContext } from '../decider';
import { accept, invalid, notFound, refuse, rule, RuleCodes } from '../domain-error';
import type { DecideRecallRequest, FileRecallRequest, RecallCommand } from './commands';
import type { RecallEvent } from './events';
import { pendingRecallRequest, recallRequestOf, type RecallState } from './state';

/**
 * The rules of a recall (申请收回): a township has one pending request per item; a revoked handover or a
 * duty already returned cannot be asked back; the county office decides each request once. Commands come
 * parsed (`parseRecallCommand`).
 */
export function decideRecall(command: RecallCommand, state: RecallState, ctx: DecisionContext): Decision<RecallEvent> {
  switch (command.type) {
    case 'FileRecallRequest':
      return file(command, state, ctx);
    case 'DecideRecallRequest':
      return decide(command, state, ctx);
    default:
      return exhaustive(command, 'recall command');
  }
}

function file({ data }: FileRecallRequest, state: RecallState, ctx: DecisionContext): Decision<RecallEvent> {
  // A redelivered request is already on record.
  if (recallRequestOf(state, data.requestId) !== undefined) return accept();
  if (data.handoverStatus === 'none') return refuse(invalid([{ field: 'handoverId', message: 'is not a handover of this township' }]));
  if (data.handoverStatus === 'revoked')
    return refuse(
      rule(RuleCodes.handoverRevoked, `Handover ${data.handoverId ?? ''} has already been revoked: there is nothing to hand back`),
    );
  if (data.dutyStanding === 'absent') return refuse(invalid([{ field: 'dutyCode', message: "is not on the township's duty list" }]));
  if (data.dutyStanding === 'returned')
    return refuse(rule(RuleCodes.dutyAlreadyReturned, `Duty ${data.dutyCode ?? ''} is already returned to the department that takes it`));
  const pending = pendingRecallRequest(state);
  if (pending !== undefined)
    return refuse(rule(RuleCodes.recallRequestPending, `Request ${pending.requestId} for this item awaits the county office's decision`));
  const { handoverStatus: _handoverStatus, dutyStanding: _dutyStanding, ...request } = data;
  return accept({ type: 'RecallRequested', data: { ...request, filedAt: ctx.now } });
}

function decide({ data }: DecideRecallRequest, state: RecallState, ctx: DecisionContext): Decision<RecallEvent> {
  const request = recallRequestOf(state, data.requestId);
  if (state.status === 'none' || request === undefined) return refuse(notFound(`No recall request ${data.requestId}`));
  if (request.status !== 'pending')
    return refuse(rule(RuleCodes.recallRequestDecided, `Request ${data.requestId} was already ${request.status}: it is decided once`));
  const { requestId, reason, decidedBy } = data;
  if (!data.approved) return accept({ type: 'RecallRejected', data: { requestId, reason, decidedBy, decidedAt: ctx.now } });
  // Parsing makes an approval carry its reference.
  const decisionRef = data.decisionRef ?? '';
  if (state.dutyCode === undefined)
    return accept({ type: 'RecallApproved', data: { requestId, reason, decisionRef, decidedBy, decidedAt: ctx.now } });
  if (data.department === undefined)
    return refuse(
      invalid([{ field: 'department', message: 'name the department that takes the duty back (the duty has no lead department)' }]),
    );
  return accept({
    type: 'RecallApproved',
    data: { requestId, reason, decisionRef, department: data.department, decidedBy, decidedAt: ctx.now },
  });
}

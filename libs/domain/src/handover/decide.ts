import { isAfter, monthOf } from '../calendar';
import { exhaustive, type Decision, type DecisionContext } from '../decider';
import { accept, invalid, notFound, refuse, rule, RuleCodes, type DomainError } from '../domain-error';
import type {
  AcceptHandover,
  ActivateHandover,
  AmendCommitments,
  ContestHandover,
  HandoverCommand,
  RecordHandover,
  RecordReminderSent,
  RecordUsage,
  RevokeHandover,
} from './commands';
import { type HandoverEvent, reminderSentEvent } from './events';
import { UsageFieldCodes } from './parse';
import type { HandoverState, HandoverStatus, RecordedHandover } from './state';

/**
 * The business rules of the handover: art. 17 (a coercive measure is never entrusted), the
 * entrustment's term, the lifecycle's status guards, and the readiness refusal. Commands come
 * parsed (`parseHandoverCommand`): their shape is checked there.
 */
export function decideHandover(command: HandoverCommand, state: HandoverState, ctx: DecisionContext): Decision<HandoverEvent> {
  switch (command.type) {
    case 'RecordHandover':
      return recordHandover(command, state);
    case 'AcceptHandover':
      return acceptHandover(command, state, ctx);
    case 'ContestHandover':
      return contestHandover(command, state);
    case 'AmendCommitments':
      return amendCommitments(command, state);
    case 'ActivateHandover':
      return activateHandover(command, state, ctx);
    case 'RevokeHandover':
      return revokeHandover(command, state);
    case 'RecordReminderSent':
      return recordReminderSent(command, state);
    case 'RecordUsage':
      return recordUsage(command, state, ctx);
    default:
      return exhaustive(command, 'handover command');
  }
}

function recordHandover({ data }: RecordHandover, state: HandoverState): Decision<HandoverEvent> {
  // No correction of the other fields can make this acceptable, so it is refused first.
  if (data.mode === 'entrustment' && data.powerCategory === 'coercion') {
    return refuse(
      rule(
        RuleCodes.coercionCannotBeEntrusted,
        `Power ${data.powerCode} is a coercive measure: it can be transferred but never entrusted (Administrative Compulsion Law art. 17)`,
      ),
    );
  }
  // An entrustment is for a term; a transfer is not.
  const { endsOn, effectiveOn } = data;
  if (data.mode === 'entrustment') {
    if (endsOn === undefined) return refuse(invalid([{ field: 'endsOn', message: 'is required for an entrustment' }]));
    if (!isAfter(endsOn, effectiveOn)) return refuse(invalid([{ field: 'endsOn', message: 'must be after effectiveOn' }]));
  } else if (endsOn !== undefined) {
    return refuse(invalid([{ field: 'endsOn', message: 'only an entrustment has an end date' }]));
  }
  if (state.status === 'revoked') return refuse(revoked(state));
  if (state.status !== 'none') return refuse(rule(RuleCodes.handoverAlreadyRecorded, `Handover ${state.handoverId} is already recorded`));
  return accept({ type: 'HandoverRecorded', data });
}

function acceptHandover({ data }: AcceptHandover, state: HandoverState, ctx: DecisionContext): Decision<HandoverEvent> {
  const { conditional, reason, gaps } = data;
  if (conditional && reason === undefined) {
    return refuse(invalid([{ field: 'reason', message: 'a conditional acceptance needs a written reason' }]));
  }
  const handover = inStatus(state, ['recorded'], 'accept');
  if (!handover.ok) return handover;
  if (gaps.length > 0 && !conditional) {
    return refuse(
      rule(
        RuleCodes.handoverNotReady,
        `The team cannot carry out ${handover.state.powerCode} yet (${gaps.length} gap(s)); accept conditionally with a reason, or contest`,
        gaps,
      ),
    );
  }
  const accepted: HandoverEvent = {
    type: 'HandoverAccepted',
    data: { conditional, ...(reason === undefined ? {} : { reason }), gaps },
  };
  if (isAfter(handover.state.effectiveOn, ctx.today)) return accept(accepted);
  return accept<HandoverEvent>(accepted, { type: 'HandoverActivated', data: { activatedOn: ctx.today } });
}

function contestHandover({ data }: ContestHandover, state: HandoverState): Decision<HandoverEvent> {
  const handover = inStatus(state, ['recorded'], 'contest');
  if (!handover.ok) return handover;
  return accept({ type: 'HandoverContested', data: { reason: data.reason, gaps: data.gaps } });
}

function amendCommitments({ data }: AmendCommitments, state: HandoverState): Decision<HandoverEvent> {
  const handover = inStatus(state, ['recorded', 'contested'], 'amend the commitments of');
  if (!handover.ok) return handover;
  return accept({
    type: 'HandoverCommitmentsAmended',
    data: { committed: data.committed, previousCommitted: handover.state.committed },
  });
}

function activateHandover(_command: ActivateHandover, state: HandoverState, ctx: DecisionContext): Decision<HandoverEvent> {
  const handover = inStatus(state, ['accepted'], 'activate');
  if (!handover.ok) return handover;
  const { effectiveOn } = handover.state;
  if (isAfter(effectiveOn, ctx.today)) {
    return refuse(rule(RuleCodes.handoverNotEffective, `The handover takes effect on ${effectiveOn}, not before (today is ${ctx.today})`));
  }
  return accept({ type: 'HandoverActivated', data: { activatedOn: ctx.today } });
}

function revokeHandover({ data }: RevokeHandover, state: HandoverState): Decision<HandoverEvent> {
  const handover = inStatus(state, ['recorded', 'accepted', 'contested', 'active'], 'revoke');
  if (!handover.ok) return handover;
  const previousStatus = handover.state.status;
  if (previousStatus === 'revoked') return refuse(revoked(handover.state)); // narrowed away by inStatus; kept for the type
  const recall = data.recall === undefined ? {} : { recall: data.recall };
  return accept({ type: 'HandoverRevoked', data: { reason: data.reason, previousStatus, ...recall } });
}

function recordReminderSent({ data }: RecordReminderSent, state: HandoverState): Decision<HandoverEvent> {
  if (state.status === 'none') return refuse(notHere());
  // Idempotent: a redelivered reminder is already on record (even if revoked since).
  if (state.sentReminderIds.includes(data.reminderId)) return accept();
  if (state.status === 'revoked') return refuse(revoked(state));
  return accept(reminderSentEvent(data));
}

/**
 * The cases of a month the handover was held in: from the month it was recorded to the current month
 * (to its revocation's month once revoked). The same figure again writes nothing; another one stands
 * instead of the last, which stays on record.
 */
function recordUsage({ data }: RecordUsage, state: HandoverState, ctx: DecisionContext): Decision<HandoverEvent> {
  if (state.status === 'none') return refuse(notHere());
  const { month, cases, recordedOn, revokedOn } = data;
  const first = monthOf(recordedOn);
  if (month < first) return refuse(monthOutOfRange(`must not be before ${first}, the month the handover was recorded`));
  const current = monthOf(ctx.today);
  if (month > current) return refuse(monthOutOfRange(`must not be after ${current}, the current month`));
  if (state.status === 'revoked') {
    // The revocation's date comes with the command; without it the months held are unknown.
    if (revokedOn === undefined) return refuse(revoked(state));
    const last = monthOf(revokedOn);
    if (month > last) return refuse(monthOutOfRange(`must not be after ${last}, the month the handover was revoked`));
  }
  const standing = state.usage[month];
  if (standing === cases) return accept();
  return accept({ type: 'HandoverUsageRecorded', data: { month, cases, previousCases: standing ?? null } });
}

function monthOutOfRange(message: string): DomainError {
  return invalid([{ field: 'month', message, code: UsageFieldCodes.monthOutOfRange }]);
}

type InStatus = { ok: true; state: RecordedHandover } | { ok: false; error: DomainError };

/** The lifecycle guard: exists, not revoked, and in one of the `allowed` statuses. */
function inStatus(state: HandoverState, allowed: readonly HandoverStatus[], action: string): InStatus {
  if (state.status === 'none') return { ok: false, error: notHere() };
  if (state.status === 'revoked') return { ok: false, error: revoked(state) };
  if (!allowed.includes(state.status)) {
    return {
      ok: false,
      error: rule(RuleCodes.invalidStatus, `Cannot ${action} a handover that is ${state.status} (allowed when ${allowed.join(' or ')})`),
    };
  }
  return { ok: true, state };
}

function notHere(): DomainError {
  return notFound('Handover has not been recorded');
}

function revoked(state: RecordedHandover): DomainError {
  const reason = state.revocation === null ? '' : `: ${state.revocation.reason}`;
  return rule(RuleCodes.handoverRevoked, `Handover ${state.handoverId} has been revoked${reason}`);
}

import { isAfter } from '../calendar';
import { exhaustive, type Decision, type DecisionContext } from '../decider';
import { accept, invalid, notFound, refuse, rule, RuleCodes, type DomainError } from '../domain-error';
import { GAP_RESOURCES, type Gap } from '../readiness/readiness';
import { POWER_CATEGORIES, type Commitments, type CommittedOfficer, type CommittedTraining, type EquipmentLine } from '../resources';
import {
  isRecord,
  optionalDate,
  optionalNonNegativeNumber,
  optionalText,
  rejectDuplicates,
  requireBoolean,
  requireDate,
  requireInteger,
  requireList,
  requireOneOf,
  requirePositiveNumber,
  requireText,
  type FieldErrors,
} from '../validation';
import type {
  AcceptHandover,
  ActivateHandover,
  AmendCommitments,
  ContestHandover,
  HandoverCommand,
  RecordHandover,
  RecordReminderSent,
  RevokeHandover,
} from './commands';
import type { HandoverEvent } from './events';
import { HANDOVER_MODES, REMINDER_KINDS, type HandoverState, type HandoverStatus, type RecordedHandover } from './state';

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
        `Power ${String(data.powerCode)} is a coercive measure: it can be transferred but never entrusted (Administrative Compulsion Law art. 17)`,
      ),
    );
  }
  const errors: FieldErrors = [];
  const handoverId = requireText(errors, 'handoverId', data.handoverId);
  const countyId = requireText(errors, 'countyId', data.countyId);
  const powerCode = requireText(errors, 'powerCode', data.powerCode);
  const powerCategory = requireOneOf(errors, 'powerCategory', data.powerCategory, POWER_CATEGORIES);
  const teamId = requireText(errors, 'teamId', data.teamId);
  const townshipId = requireText(errors, 'townshipId', data.townshipId);
  const department = requireText(errors, 'department', data.department);
  const mode = requireOneOf(errors, 'mode', data.mode, HANDOVER_MODES);
  const instrument = requireText(errors, 'instrument', data.instrument);
  const effectiveOn = requireDate(errors, 'effectiveOn', data.effectiveOn);
  const endsOn = optionalDate(errors, 'endsOn', data.endsOn);
  if (data.mode === 'entrustment') {
    if (endsOn === undefined) errors.push({ field: 'endsOn', message: 'is required for an entrustment' });
    else if (endsOn !== '' && effectiveOn !== '' && !isAfter(endsOn, effectiveOn)) {
      errors.push({ field: 'endsOn', message: 'must be after effectiveOn' });
    }
  } else if (data.mode === 'transfer' && endsOn !== undefined) {
    errors.push({ field: 'endsOn', message: 'only an entrustment has an end date' });
  }
  const committed = parseCommitments(errors, data.committed);
  if (errors.length > 0) return refuse(invalid(errors));

  if (state.status === 'revoked') return refuse(revoked(state));
  if (state.status !== 'none') return refuse(rule(RuleCodes.handoverAlreadyRecorded, `Handover ${state.handoverId} is already recorded`));
  return accept({
    type: 'HandoverRecorded',
    data: {
      handoverId,
      countyId,
      powerCode,
      powerCategory,
      teamId,
      townshipId,
      department,
      mode,
      instrument,
      effectiveOn,
      ...(endsOn === undefined ? {} : { endsOn }),
      committed,
    },
  });
}

function acceptHandover({ data }: AcceptHandover, state: HandoverState, ctx: DecisionContext): Decision<HandoverEvent> {
  const errors: FieldErrors = [];
  const conditional = data.conditional === undefined ? false : requireBoolean(errors, 'conditional', data.conditional);
  const reason = optionalText(errors, 'reason', data.reason);
  if (conditional && reason === undefined) {
    errors.push({ field: 'reason', message: 'a conditional acceptance needs a written reason' });
  }
  const gaps = parseGaps(errors, 'gaps', data.gaps);
  if (errors.length > 0) return refuse(invalid(errors));

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
  const errors: FieldErrors = [];
  const reason = requireText(errors, 'reason', data.reason);
  const gaps = parseGaps(errors, 'gaps', data.gaps);
  if (errors.length > 0) return refuse(invalid(errors));
  const handover = inStatus(state, ['recorded'], 'contest');
  if (!handover.ok) return handover;
  return accept({ type: 'HandoverContested', data: { reason, gaps } });
}

function amendCommitments({ data }: AmendCommitments, state: HandoverState): Decision<HandoverEvent> {
  const errors: FieldErrors = [];
  const committed = parseCommitments(errors, data.committed);
  if (errors.length > 0) return refuse(invalid(errors));
  const handover = inStatus(state, ['recorded', 'contested'], 'amend the commitments of');
  if (!handover.ok) return handover;
  return accept({
    type: 'HandoverCommitmentsAmended',
    data: { committed, previousCommitted: handover.state.committed },
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
  const errors: FieldErrors = [];
  const reason = requireText(errors, 'reason', data.reason);
  if (errors.length > 0) return refuse(invalid(errors));
  const handover = inStatus(state, ['recorded', 'accepted', 'contested', 'active'], 'revoke');
  if (!handover.ok) return handover;
  const previousStatus = handover.state.status;
  if (previousStatus === 'revoked') return refuse(revoked(handover.state)); // narrowed away by inStatus; kept for the type
  return accept({ type: 'HandoverRevoked', data: { reason, previousStatus } });
}

function recordReminderSent({ data }: RecordReminderSent, state: HandoverState): Decision<HandoverEvent> {
  const errors: FieldErrors = [];
  const reminderId = requireText(errors, 'reminderId', data.reminderId);
  const kind = requireOneOf(errors, 'kind', data.kind, REMINDER_KINDS);
  const step = requireInteger(errors, 'step', data.step, 0);
  const recipients = requireList(errors, 'recipients', data.recipients).map((recipient, index) =>
    requireText(errors, `recipients[${index}]`, recipient),
  );
  if (Array.isArray(data.recipients) && recipients.length === 0) {
    errors.push({ field: 'recipients', message: 'must name at least one recipient' });
  }
  const gaps = data.gaps === undefined || data.gaps === null ? undefined : parseGaps(errors, 'gaps', data.gaps);
  if (errors.length > 0) return refuse(invalid(errors));
  if (state.status === 'none') return refuse(notHere());
  // Idempotent: a redelivered reminder is already on record (even if revoked since).
  if (state.sentReminderIds.includes(reminderId)) return accept();
  if (state.status === 'revoked') return refuse(revoked(state));
  return accept({
    type: 'ReminderSent',
    data: { reminderId, kind, step, recipients, ...(gaps === undefined ? {} : { gaps }) },
  });
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

/** Validates and normalises commitments; missing lists count as empty. Field paths start with `committed`. */
export function parseCommitments(errors: FieldErrors, value: unknown): Commitments {
  const field = 'committed';
  if (value === undefined || value === null) return { officers: [], equipment: [], training: [] };
  if (!isRecord(value)) {
    errors.push({ field, message: 'must be an object { officers, equipment, training, budgetYuan }' });
    return { officers: [], equipment: [], training: [] };
  }
  const officers: CommittedOfficer[] = requireList(errors, `${field}.officers`, value.officers, true).map((officer, index) => {
    const path = `${field}.officers[${index}]`;
    if (!isRecord(officer)) {
      errors.push({ field: path, message: 'must be an object { name, certificateNumber, certificateExpiresOn }' });
      return { name: '', certificateNumber: '', certificateExpiresOn: '' };
    }
    return {
      name: requireText(errors, `${path}.name`, officer.name),
      certificateNumber: requireText(errors, `${path}.certificateNumber`, officer.certificateNumber),
      certificateExpiresOn: requireDate(errors, `${path}.certificateExpiresOn`, officer.certificateExpiresOn),
    };
  });
  rejectDuplicates(
    errors,
    (index) => `${field}.officers[${index}].certificateNumber`,
    officers.map((officer) => officer.certificateNumber),
    'certificate number',
  );

  const equipment: EquipmentLine[] = requireList(errors, `${field}.equipment`, value.equipment, true).map((line, index) => {
    const path = `${field}.equipment[${index}]`;
    if (!isRecord(line)) {
      errors.push({ field: path, message: 'must be an object { kind, quantity }' });
      return { kind: '', quantity: 0 };
    }
    return {
      kind: requireText(errors, `${path}.kind`, line.kind),
      quantity: requireInteger(errors, `${path}.quantity`, line.quantity, 1),
    };
  });
  rejectDuplicates(
    errors,
    (index) => `${field}.equipment[${index}].kind`,
    equipment.map((line) => line.kind),
    'kind',
  );

  const training: CommittedTraining[] = requireList(errors, `${field}.training`, value.training, true).map((session, index) => {
    const path = `${field}.training[${index}]`;
    if (!isRecord(session)) {
      errors.push({ field: path, message: 'must be an object { course, hours, scheduledOn }' });
      return { course: '', hours: 0, scheduledOn: '' };
    }
    return {
      course: requireText(errors, `${path}.course`, session.course),
      hours: requirePositiveNumber(errors, `${path}.hours`, session.hours),
      scheduledOn: requireDate(errors, `${path}.scheduledOn`, session.scheduledOn),
    };
  });

  const budgetYuan = optionalNonNegativeNumber(errors, `${field}.budgetYuan`, value.budgetYuan);
  return { officers, equipment, training, ...(budgetYuan === undefined ? {} : { budgetYuan }) };
}

/** Gaps come from `assessReadiness` in the caller; checked for shape so that bad data never reaches the log. */
function parseGaps(errors: FieldErrors, field: string, value: unknown): Gap[] {
  return requireList(errors, field, value).map((gap, index) => {
    const path = `${field}[${index}]`;
    if (!isRecord(gap)) {
      errors.push({ field: path, message: 'must be a gap' });
      return { resource: 'officers', item: '', required: 0, available: 0, missing: 0, responsible: '' };
    }
    return {
      resource: requireOneOf(errors, `${path}.resource`, gap.resource, GAP_RESOURCES),
      item: requireText(errors, `${path}.item`, gap.item),
      required: requireInteger(errors, `${path}.required`, gap.required, 0),
      available: requireInteger(errors, `${path}.available`, gap.available, 0),
      missing: requireInteger(errors, `${path}.missing`, gap.missing, 1),
      responsible: requireText(errors, `${path}.responsible`, gap.responsible),
    };
  });
}

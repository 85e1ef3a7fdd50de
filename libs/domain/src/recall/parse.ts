import { exhaustive } from '../decider';
import type { FieldError } from '../domain-error';
import { HANDOVER_STATUSES } from '../handover/state';
import { LABEL_MAX, TEXT_MAX } from '../limits';
import { parsedOr, type Result } from '../parsing';
import { isRecord, optionalText, requireBoolean, requireOneOf, requireText, type FieldErrors } from '../validation';
import type { DecideRecallRequest, FileRecallRequest, RecallCommand } from './commands';
import { DUTY_STANDINGS } from './state';

/** The shape of each recall command; the rules (one pending request per item, decided once, not revoked twice) are `decide`'s. */
export function parseRecallCommand(command: RecallCommand): Result<RecallCommand, FieldError[]> {
  switch (command.type) {
    case 'FileRecallRequest':
      return parseFileRecallRequest(command.data);
    case 'DecideRecallRequest':
      return parseDecideRecallRequest(command.data);
    default:
      return exhaustive(command, 'recall command');
  }
}

/** Exactly one of `handoverId` and `dutyCode`; the item's standing as the ledger read it comes with the one named. */
export function parseFileRecallRequest(input: unknown): Result<FileRecallRequest, FieldError[]> {
  const data = isRecord(input) ? input : {};
  const errors: FieldErrors = [];
  const requestId = requireText(errors, 'requestId', data.requestId);
  const countyId = requireText(errors, 'countyId', data.countyId);
  const townshipId = requireText(errors, 'townshipId', data.townshipId);
  const handoverId = optionalText(errors, 'handoverId', data.handoverId, LABEL_MAX);
  const dutyCode = optionalText(errors, 'dutyCode', data.dutyCode, LABEL_MAX);
  if (handoverId !== undefined && dutyCode !== undefined) {
    errors.push({ field: 'handoverId', message: 'name either handoverId or dutyCode, not both' });
    errors.push({ field: 'dutyCode', message: 'name either handoverId or dutyCode, not both' });
  } else if (
    handoverId === undefined &&
    dutyCode === undefined &&
    !errors.some((error) => error.field === 'handoverId' || error.field === 'dutyCode')
  ) {
    errors.push({ field: 'handoverId', message: 'name the handover or the duty (dutyCode) to hand back' });
  }
  const reason = requireText(errors, 'reason', data.reason, TEXT_MAX);
  const filedBy = requireText(errors, 'filedBy', data.filedBy);
  // What the ledger read of the item comes with the one item named.
  const one = (handoverId === undefined) !== (dutyCode === undefined);
  const handoverStatus =
    one && handoverId !== undefined ? requireOneOf(errors, 'handoverStatus', data.handoverStatus, HANDOVER_STATUSES) : undefined;
  const dutyStanding = one && dutyCode !== undefined ? requireOneOf(errors, 'dutyStanding', data.dutyStanding, DUTY_STANDINGS) : undefined;
  return parsedOr(errors, {
    type: 'FileRecallRequest',
    data: {
      requestId,
      countyId,
      townshipId,
      ...(handoverId === undefined ? {} : { handoverId, handoverStatus }),
      ...(dutyCode === undefined ? {} : { dutyCode, dutyStanding }),
      reason,
      filedBy,
    },
  });
}

/** An approval carries its decision reference (文号); a rejection needs none. */
export function parseDecideRecallRequest(input: unknown): Result<DecideRecallRequest, FieldError[]> {
  const data = isRecord(input) ? input : {};
  const errors: FieldErrors = [];
  const requestId = requireText(errors, 'requestId', data.requestId);
  const approved = requireBoolean(errors, 'approved', data.approved);
  const reason = requireText(errors, 'reason', data.reason, TEXT_MAX);
  const decisionRef = optionalText(errors, 'decisionRef', data.decisionRef, LABEL_MAX);
  if (approved && decisionRef === undefined && !errors.some((error) => error.field === 'decisionRef'))
    errors.push({ field: 'decisionRef', message: 'is required to approve (the decision document number, 文号)' });
  const department = optionalText(errors, 'department', data.department, LABEL_MAX);
  const decidedBy = requireText(errors, 'decidedBy', data.decidedBy);
  return parsedOr(errors, {
    type: 'DecideRecallRequest',
    data: {
      requestId,
      approved,
      reason,
      ...(decisionRef === undefined ? {} : { decisionRef }),
      ...(department === undefined ? {} : { department }),
      decidedBy,
    },
  });
}

import { exhaustive } from '../decider';
import type { FieldError } from '../domain-error';
import { HOURS_MAX, LABEL_MAX, TEXT_MAX } from '../limits';
import { parseEquipmentLine } from '../parse-resources';
import { parsedOr, type Result } from '../parsing';
import { checkAtMost, isRecord, optionalText, requireDate, requirePositiveNumber, requireText, type FieldErrors } from '../validation';
import type { AddOfficer, FormTeam, ReceiveEquipment, RecordTraining, RemoveOfficer, TeamCommand, WriteOffEquipment } from './commands';

/** The shape of each team command; the team's rules (one holder per certificate, enough on hand, no training in the future) are `decide`'s. */
export function parseTeamCommand(command: TeamCommand): Result<TeamCommand, FieldError[]> {
  switch (command.type) {
    case 'FormTeam':
      return parseFormTeam(command.data);
    case 'AddOfficer':
      return parseAddOfficer(command.data);
    case 'RemoveOfficer':
      return parseRemoveOfficer(command.data);
    case 'ReceiveEquipment':
      return parseReceiveEquipment(command.data);
    case 'WriteOffEquipment':
      return parseWriteOffEquipment(command.data);
    case 'RecordTraining':
      return parseRecordTraining(command.data);
    default:
      return exhaustive(command, 'team command');
  }
}

export function parseFormTeam(input: unknown): Result<FormTeam, FieldError[]> {
  const data = isRecord(input) ? input : {};
  const errors: FieldErrors = [];
  const teamId = requireText(errors, 'teamId', data.teamId);
  const countyId = requireText(errors, 'countyId', data.countyId);
  const townshipId = requireText(errors, 'townshipId', data.townshipId);
  const townshipName = requireText(errors, 'townshipName', data.townshipName);
  return parsedOr(errors, { type: 'FormTeam', data: { teamId, countyId, townshipId, townshipName } });
}

export function parseAddOfficer(input: unknown): Result<AddOfficer, FieldError[]> {
  const data = isRecord(input) ? input : {};
  const errors: FieldErrors = [];
  const officerId = requireText(errors, 'officerId', data.officerId);
  const name = requireText(errors, 'name', data.name, LABEL_MAX);
  const certificateNumber = requireText(errors, 'certificateNumber', data.certificateNumber, LABEL_MAX);
  const certificateExpiresOn = requireDate(errors, 'certificateExpiresOn', data.certificateExpiresOn);
  const secondedFrom = optionalText(errors, 'secondedFrom', data.secondedFrom, LABEL_MAX);
  return parsedOr(errors, {
    type: 'AddOfficer',
    data: { officerId, name, certificateNumber, certificateExpiresOn, ...(secondedFrom === undefined ? {} : { secondedFrom }) },
  });
}

export function parseRemoveOfficer(input: unknown): Result<RemoveOfficer, FieldError[]> {
  const data = isRecord(input) ? input : {};
  const errors: FieldErrors = [];
  const officerId = requireText(errors, 'officerId', data.officerId);
  const reason = optionalText(errors, 'reason', data.reason, TEXT_MAX);
  return parsedOr(errors, { type: 'RemoveOfficer', data: { officerId, ...(reason === undefined ? {} : { reason }) } });
}

export function parseReceiveEquipment(input: unknown): Result<ReceiveEquipment, FieldError[]> {
  const data = isRecord(input) ? input : {};
  const errors: FieldErrors = [];
  const { kind, quantity } = parseEquipmentLine(errors, '', data);
  return parsedOr(errors, { type: 'ReceiveEquipment', data: { kind, quantity } });
}

export function parseWriteOffEquipment(input: unknown): Result<WriteOffEquipment, FieldError[]> {
  const data = isRecord(input) ? input : {};
  const errors: FieldErrors = [];
  const { kind, quantity } = parseEquipmentLine(errors, '', data);
  const reason = requireText(errors, 'reason', data.reason, TEXT_MAX);
  return parsedOr(errors, { type: 'WriteOffEquipment', data: { kind, quantity, reason } });
}

export function parseRecordTraining(input: unknown): Result<RecordTraining, FieldError[]> {
  const data = isRecord(input) ? input : {};
  const errors: FieldErrors = [];
  const trainingId = requireText(errors, 'trainingId', data.trainingId);
  const officerId = requireText(errors, 'officerId', data.officerId);
  const course = requireText(errors, 'course', data.course, LABEL_MAX);
  const hours = requirePositiveNumber(errors, 'hours', data.hours);
  checkAtMost(errors, 'hours', data.hours, HOURS_MAX);
  const completedOn = requireDate(errors, 'completedOn', data.completedOn);
  return parsedOr(errors, { type: 'RecordTraining', data: { trainingId, officerId, course, hours, completedOn } });
}

import { isAfter } from '../calendar';
import { exhaustive, type Decision, type DecisionContext } from '../decider';
import { accept, invalid, notFound, refuse, rule, RuleCodes } from '../domain-error';
import { optionalText, requireDate, requireInteger, requirePositiveNumber, requireText, type FieldErrors } from '../validation';
import type { AddOfficer, FormTeam, ReceiveEquipment, RecordTraining, RemoveOfficer, TeamCommand, WriteOffEquipment } from './commands';
import type { TeamEvent } from './events';
import { equipmentOnHand, type FormedTeam, type TeamState } from './state';

export function decideTeam(command: TeamCommand, state: TeamState, ctx: DecisionContext): Decision<TeamEvent> {
  switch (command.type) {
    case 'FormTeam':
      return formTeam(command, state);
    case 'AddOfficer':
      return addOfficer(command, state);
    case 'RemoveOfficer':
      return removeOfficer(command, state);
    case 'ReceiveEquipment':
      return receiveEquipment(command, state);
    case 'WriteOffEquipment':
      return writeOffEquipment(command, state);
    case 'RecordTraining':
      return recordTraining(command, state, ctx);
    default:
      return exhaustive(command, 'team command');
  }
}

const teamNotFormed = (): Decision<TeamEvent> => refuse(notFound('Enforcement team has not been formed'));

function formTeam({ data }: FormTeam, state: TeamState): Decision<TeamEvent> {
  const errors: FieldErrors = [];
  const teamId = requireText(errors, 'teamId', data.teamId);
  const countyId = requireText(errors, 'countyId', data.countyId);
  const townshipId = requireText(errors, 'townshipId', data.townshipId);
  const townshipName = requireText(errors, 'townshipName', data.townshipName);
  if (errors.length > 0) return refuse(invalid(errors));
  if (state.status !== 'none') {
    return refuse(rule(RuleCodes.teamAlreadyFormed, `Township ${state.townshipName} already has its enforcement team`));
  }
  return accept({ type: 'TeamFormed', data: { teamId, countyId, townshipId, townshipName } });
}

function addOfficer({ data }: AddOfficer, state: TeamState): Decision<TeamEvent> {
  const errors: FieldErrors = [];
  const officerId = requireText(errors, 'officerId', data.officerId);
  const name = requireText(errors, 'name', data.name);
  const certificateNumber = requireText(errors, 'certificateNumber', data.certificateNumber);
  const certificateExpiresOn = requireDate(errors, 'certificateExpiresOn', data.certificateExpiresOn);
  const secondedFrom = optionalText(errors, 'secondedFrom', data.secondedFrom);
  if (errors.length > 0) return refuse(invalid(errors));
  if (state.status === 'none') return teamNotFormed();
  if (state.officers.some((officer) => officer.officerId === officerId)) {
    return refuse(rule(RuleCodes.officerAlreadyOnTeam, `Officer ${officerId} is already on the team`));
  }
  const holder = state.officers.find((officer) => officer.certificateNumber === certificateNumber);
  if (holder !== undefined) {
    return refuse(
      rule(RuleCodes.certificateNumberInUse, `Certificate ${certificateNumber} is already held by ${holder.name} on this team`),
    );
  }
  return accept({
    type: 'OfficerJoined',
    data: { officerId, name, certificateNumber, certificateExpiresOn, ...(secondedFrom === undefined ? {} : { secondedFrom }) },
  });
}

function removeOfficer({ data }: RemoveOfficer, state: TeamState): Decision<TeamEvent> {
  const errors: FieldErrors = [];
  const officerId = requireText(errors, 'officerId', data.officerId);
  const reason = optionalText(errors, 'reason', data.reason);
  if (errors.length > 0) return refuse(invalid(errors));
  if (state.status === 'none') return teamNotFormed();
  if (!isOnTeam(state, officerId)) return refuse(notFound(`Officer ${officerId} is not on the team`));
  return accept({ type: 'OfficerLeft', data: { officerId, ...(reason === undefined ? {} : { reason }) } });
}

function receiveEquipment({ data }: ReceiveEquipment, state: TeamState): Decision<TeamEvent> {
  const errors: FieldErrors = [];
  const kind = requireText(errors, 'kind', data.kind);
  const quantity = requireInteger(errors, 'quantity', data.quantity, 1);
  if (errors.length > 0) return refuse(invalid(errors));
  if (state.status === 'none') return teamNotFormed();
  return accept({ type: 'EquipmentReceived', data: { kind, quantity } });
}

function writeOffEquipment({ data }: WriteOffEquipment, state: TeamState): Decision<TeamEvent> {
  const errors: FieldErrors = [];
  const kind = requireText(errors, 'kind', data.kind);
  const quantity = requireInteger(errors, 'quantity', data.quantity, 1);
  const reason = requireText(errors, 'reason', data.reason);
  if (errors.length > 0) return refuse(invalid(errors));
  if (state.status === 'none') return teamNotFormed();
  const onHand = equipmentOnHand(state, kind);
  if (quantity > onHand) {
    return refuse(rule(RuleCodes.insufficientEquipment, `Cannot write off ${quantity} × ${kind}: only ${onHand} on hand`));
  }
  return accept({ type: 'EquipmentWrittenOff', data: { kind, quantity, reason } });
}

function recordTraining({ data }: RecordTraining, state: TeamState, ctx: DecisionContext): Decision<TeamEvent> {
  const errors: FieldErrors = [];
  const trainingId = requireText(errors, 'trainingId', data.trainingId);
  const officerId = requireText(errors, 'officerId', data.officerId);
  const course = requireText(errors, 'course', data.course);
  const hours = requirePositiveNumber(errors, 'hours', data.hours);
  const completedOn = requireDate(errors, 'completedOn', data.completedOn);
  if (completedOn !== '' && isAfter(completedOn, ctx.today)) {
    errors.push({ field: 'completedOn', message: `must not be after today (${ctx.today})` });
  }
  if (errors.length > 0) return refuse(invalid(errors));
  if (state.status === 'none') return teamNotFormed();
  if (!isOnTeam(state, officerId)) return refuse(notFound(`Officer ${officerId} is not on the team`));
  if (state.training.some((record) => record.trainingId === trainingId)) {
    return refuse(rule(RuleCodes.trainingAlreadyRecorded, `Training ${trainingId} is already recorded`));
  }
  return accept({ type: 'TrainingCompleted', data: { trainingId, officerId, course, hours, completedOn } });
}

function isOnTeam(state: FormedTeam, officerId: string): boolean {
  return state.officers.some((officer) => officer.officerId === officerId);
}

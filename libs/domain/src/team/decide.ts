import { isAfter } from '../calendar';
import { exhaustive, type Decision, type DecisionContext } from '../decider';
import { accept, invalid, notFound, refuse, rule, RuleCodes } from '../domain-error';
import type { AddOfficer, FormTeam, ReceiveEquipment, RecordTraining, RemoveOfficer, TeamCommand, WriteOffEquipment } from './commands';
import type { TeamEvent } from './events';
import { equipmentOnHand, type FormedTeam, type TeamState } from './state';

/** The team's rules: one holder per certificate, no more written off than on hand, training recorded once completed. Commands come parsed (`parseTeamCommand`). */
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
  if (state.status !== 'none') {
    return refuse(rule(RuleCodes.teamAlreadyFormed, `Township ${state.townshipName} already has its enforcement team`));
  }
  return accept({ type: 'TeamFormed', data });
}

function addOfficer({ data }: AddOfficer, state: TeamState): Decision<TeamEvent> {
  if (state.status === 'none') return teamNotFormed();
  const { officerId, certificateNumber } = data;
  if (isOnTeam(state, officerId)) {
    return refuse(rule(RuleCodes.officerAlreadyOnTeam, `Officer ${officerId} is already on the team`));
  }
  const holder = state.officers.find((officer) => officer.certificateNumber === certificateNumber);
  if (holder !== undefined) {
    return refuse(
      rule(RuleCodes.certificateNumberInUse, `Certificate ${certificateNumber} is already held by ${holder.name} on this team`),
    );
  }
  return accept({ type: 'OfficerJoined', data });
}

function removeOfficer({ data }: RemoveOfficer, state: TeamState): Decision<TeamEvent> {
  if (state.status === 'none') return teamNotFormed();
  if (!isOnTeam(state, data.officerId)) return refuse(notFound(`Officer ${data.officerId} is not on the team`));
  return accept({ type: 'OfficerLeft', data });
}

function receiveEquipment({ data }: ReceiveEquipment, state: TeamState): Decision<TeamEvent> {
  if (state.status === 'none') return teamNotFormed();
  return accept({ type: 'EquipmentReceived', data });
}

function writeOffEquipment({ data }: WriteOffEquipment, state: TeamState): Decision<TeamEvent> {
  if (state.status === 'none') return teamNotFormed();
  const { kind, quantity } = data;
  const onHand = equipmentOnHand(state, kind);
  if (quantity > onHand) {
    return refuse(rule(RuleCodes.insufficientEquipment, `Cannot write off ${quantity} × ${kind}: only ${onHand} on hand`));
  }
  return accept({ type: 'EquipmentWrittenOff', data });
}

function recordTraining({ data }: RecordTraining, state: TeamState, ctx: DecisionContext): Decision<TeamEvent> {
  // Training is recorded once it is completed.
  if (isAfter(data.completedOn, ctx.today)) {
    return refuse(invalid([{ field: 'completedOn', message: `must not be after today (${ctx.today})` }]));
  }
  if (state.status === 'none') return teamNotFormed();
  if (!isOnTeam(state, data.officerId)) return refuse(notFound(`Officer ${data.officerId} is not on the team`));
  if (state.training.some((record) => record.trainingId === data.trainingId)) {
    return refuse(rule(RuleCodes.trainingAlreadyRecorded, `Training ${data.trainingId} is already recorded`));
  }
  return accept({ type: 'TrainingCompleted', data });
}

function isOnTeam(state: FormedTeam, officerId: string): boolean {
  return state.officers.some((officer) => officer.officerId === officerId);
}

import { exhaustive } from '../decider';
import type { EquipmentLine } from '../resources';
import type { TeamEvent } from './events';
import type { TeamState } from './state';

export function evolveTeam(state: TeamState, event: TeamEvent): TeamState {
  if (event.type === 'TeamFormed') {
    return { status: 'formed', ...event.data, officers: [], equipment: [], training: [] };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'OfficerJoined':
      return { ...state, officers: [...state.officers, { ...event.data }] };
    case 'OfficerLeft':
      return { ...state, officers: state.officers.filter((officer) => officer.officerId !== event.data.officerId) };
    case 'EquipmentReceived':
      return { ...state, equipment: adjust(state.equipment, event.data.kind, event.data.quantity) };
    case 'EquipmentWrittenOff':
      return { ...state, equipment: adjust(state.equipment, event.data.kind, -event.data.quantity) };
    case 'TrainingCompleted':
      return { ...state, training: [...state.training, { ...event.data }] };
    default:
      return exhaustive(event, 'team event');
  }
}

function adjust(equipment: readonly EquipmentLine[], kind: string, delta: number): EquipmentLine[] {
  const current = equipment.find((line) => line.kind === kind)?.quantity ?? 0;
  const others = equipment.filter((line) => line.kind !== kind);
  const quantity = current + delta;
  const next = quantity > 0 ? [...others, { kind, quantity }] : others;
  return next.sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
}

import { evolvePowerItem, initialPowerItemState, type PowerItemEvent, type PowerItemState } from '@fangquan/domain';
import type { PowerItemView } from '../entities/power-item-view.entity';
import type { EventPlace } from './event-place';

/** The domain's own state of a power row, so that the domain's `evolve` decides what an event does. */
export function powerStateOf(row: PowerItemView | null): PowerItemState {
  if (row === null) return initialPowerItemState;
  const { countyId, code, name, category, legalBasis, department, requirements } = row;
  return { status: 'registered', countyId, code, name, category, legalBasis, department, requirements };
}

/** The row after `event`; null when the event does not apply (a revision of an unknown item). */
export function applyPowerEvent(row: PowerItemView | null, event: PowerItemEvent, place: EventPlace): PowerItemView | null {
  const state = evolvePowerItem(powerStateOf(row), event);
  if (state.status === 'none') return null;
  const { countyId, code, name, category, legalBasis, department, requirements } = state;
  return { countyId, code, name, category, legalBasis, department, requirements, version: place.version, updatedAt: place.occurredAt };
}

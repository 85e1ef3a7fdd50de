import { exhaustive } from '../decider';
import type { DutyListEvent } from './events';
import type { DutyListState } from './state';

export function evolveDutyList(state: DutyListState, event: DutyListEvent): DutyListState {
  switch (event.type) {
    case 'DutyListItemSet':
      return { ...state, entries: { ...state.entries, [event.data.dutyCode]: event.data } };
    case 'DutyListItemRemoved': {
      const { [event.data.dutyCode]: _removed, ...entries } = state.entries;
      return { ...state, entries };
    }
    case 'DutyListCompiled':
      return { ...state, entries: { ...state.entries, ...Object.fromEntries(event.data.added.map((entry) => [entry.dutyCode, entry])) } };
    case 'DutyListPublished': {
      const { countyId: _county, townshipId: _township, ...published } = event.data;
      return { ...state, published };
    }
    default:
      return exhaustive(event, 'duty list event');
  }
}

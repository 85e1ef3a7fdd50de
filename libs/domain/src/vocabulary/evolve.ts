import { exhaustive } from '../decider';
import type { VocabularyEvent } from './events';
import type { VocabularyState } from './state';

export function evolveVocabulary(state: VocabularyState, event: VocabularyEvent): VocabularyState {
  switch (event.type) {
    case 'VocabularyEstablished':
      return { status: 'established', ...event.data, terms: [...event.data.terms] };
    case 'VocabularyTermAdded':
      return state.status === 'none' ? state : { ...state, terms: [...state.terms, { code: event.data.code, name: event.data.name }] };
    case 'VocabularyTermRenamed':
      return state.status === 'none'
        ? state
        : {
            ...state,
            terms: state.terms.map((term) => (term.code === event.data.code ? { code: term.code, name: event.data.name } : term)),
          };
    default:
      return exhaustive(event, 'vocabulary event');
  }
}

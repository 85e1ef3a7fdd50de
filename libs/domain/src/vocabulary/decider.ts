import type { Decider } from '../decider';
import type { VocabularyCommand } from './commands';
import { decideVocabulary } from './decide';
import type { VocabularyEvent } from './events';
import { evolveVocabulary } from './evolve';
import { initialVocabularyState, type VocabularyState } from './state';

/** One vocabulary of one county (its equipment kinds, or its training courses); one stream each. */
export const vocabularyDecider: Decider<VocabularyCommand, VocabularyEvent, VocabularyState> = {
  initialState: initialVocabularyState,
  decide: (command, state) => decideVocabulary(command, state),
  evolve: evolveVocabulary,
};

import type { Vocabulary, VocabularyTerm } from './terms';

export interface EstablishedVocabulary {
  status: 'established';
  countyId: string;
  vocabulary: Vocabulary;
  /** In the order they were added. */
  terms: VocabularyTerm[];
}

export type VocabularyState = { status: 'none' } | EstablishedVocabulary;

export const initialVocabularyState: VocabularyState = { status: 'none' };

export function termOf(state: VocabularyState, code: string): VocabularyTerm | undefined {
  return state.status === 'none' ? undefined : state.terms.find((term) => term.code === code);
}

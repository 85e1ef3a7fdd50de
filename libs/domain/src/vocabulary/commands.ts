import type { DomainCommand } from '../decider';
import type { Vocabulary, VocabularyTerm } from './terms';

/** Opens a county's vocabulary with its first terms (when the county is created). */
export type EstablishVocabulary = DomainCommand<
  'EstablishVocabulary',
  { countyId: string; vocabulary: Vocabulary; terms: VocabularyTerm[] }
>;

export type AddTerm = DomainCommand<'AddTerm', VocabularyTerm>;

/** A new name for a term; its code, which records carry, stays. */
export type RenameTerm = DomainCommand<'RenameTerm', VocabularyTerm>;

export type VocabularyCommand = EstablishVocabulary | AddTerm | RenameTerm;

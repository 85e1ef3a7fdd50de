import type { DomainEvent } from '../decider';
import type { Vocabulary, VocabularyTerm } from './terms';

export type VocabularyEstablished = DomainEvent<
  'VocabularyEstablished',
  { countyId: string; vocabulary: Vocabulary; terms: VocabularyTerm[] }
>;

export type VocabularyTermAdded = DomainEvent<'VocabularyTermAdded', VocabularyTerm>;

export type VocabularyTermRenamed = DomainEvent<'VocabularyTermRenamed', VocabularyTerm & { previousName: string }>;

export type VocabularyEvent = VocabularyEstablished | VocabularyTermAdded | VocabularyTermRenamed;

export const VOCABULARY_EVENT_TYPES = [
  'VocabularyEstablished',
  'VocabularyTermAdded',
  'VocabularyTermRenamed',
] as const satisfies readonly VocabularyEvent['type'][];

export function isVocabularyEvent(event: DomainEvent): event is VocabularyEvent {
  return (VOCABULARY_EVENT_TYPES as readonly string[]).includes(event.type);
}

import type { FieldError } from '../domain-error';
import { isRecord } from '../validation';
import type { VocabularyState } from './state';
import { VocabularyFieldCodes, type Vocabulary } from './terms';

/** A place in a command that names a term: its field path, the vocabulary, and the value sent. */
export interface TermReference {
  readonly field: string;
  readonly vocabulary: Vocabulary;
  readonly value: unknown;
}

const WHAT: Record<Vocabulary, string> = { 'equipment-kinds': 'equipment kinds', 'training-courses': 'training courses' };

/**
 * The references that name no term of their county's vocabulary, as field errors (code
 * `unknown-equipment-kind` / `unknown-training-course`). A vocabulary that was never established
 * checks nothing; values that are not text are the command's own parsing to refuse.
 */
export function unknownTerms(
  vocabularies: Readonly<Record<Vocabulary, VocabularyState>>,
  references: readonly TermReference[],
): FieldError[] {
  const errors: FieldError[] = [];
  for (const { field, vocabulary, value } of references) {
    const state = vocabularies[vocabulary];
    if (state.status === 'none' || typeof value !== 'string') continue;
    const code = value.trim();
    if (code === '' || state.terms.some((term) => term.code === code)) continue;
    errors.push({ field, message: `'${code}' is not one of the county's ${WHAT[vocabulary]}`, code: VocabularyFieldCodes[vocabulary] });
  }
  return errors;
}

function lines(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? (value as readonly unknown[]) : [];
}

/** The kinds and courses of a list of equipment lines and one of training lines under `prefix` (`requirements`, `committed`). */
export function linesReferences(prefix: string, value: unknown): TermReference[] {
  if (!isRecord(value)) return [];
  return [
    ...lines(value.equipment).map((line, index) => ({
      field: `${prefix}.equipment[${index}].kind`,
      vocabulary: 'equipment-kinds' as const,
      value: isRecord(line) ? line.kind : undefined,
    })),
    ...lines(value.training).map((line, index) => ({
      field: `${prefix}.training[${index}].course`,
      vocabulary: 'training-courses' as const,
      value: isRecord(line) ? line.course : undefined,
    })),
  ];
}

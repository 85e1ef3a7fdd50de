/**
 * A county's vocabularies: the equipment kinds and the training courses that power requirements,
 * teams and handover commitments may name. Each term is a code (what records carry) and the Chinese
 * name people see and pick from lists.
 */
export const VOCABULARIES = ['equipment-kinds', 'training-courses'] as const;
export type Vocabulary = (typeof VOCABULARIES)[number];

export interface VocabularyTerm {
  code: string;
  name: string;
}

/**
 * A code goes into paths (`/vocabularies/equipment-kinds/:code`): 1 to 64 characters without white
 * space, slashes, `?`, `#` or `%`. Chinese is allowed: the sample courses are coded by their titles.
 */
export const TERM_CODE_PATTERN = /^[^\s/\\?#%]{1,64}$/;
export const TERM_NAME_MAX = 100;

/** The field error code of a reference to a term that its county's vocabulary does not hold. */
export const VocabularyFieldCodes = {
  'equipment-kinds': 'unknown-equipment-kind',
  'training-courses': 'unknown-training-course',
} as const satisfies Record<Vocabulary, string>;

import { isRecord, rejectDuplicates, requireList, requireText, type FieldErrors } from '../validation';
import { TERM_CODE_PATTERN, TERM_NAME_MAX, type VocabularyTerm } from './terms';

/** Checks and trims a term; field paths start with `prefix` (`''` for a request's own fields). */
export function parseTerm(errors: FieldErrors, value: unknown, prefix = ''): VocabularyTerm {
  const at = (field: string): string => (prefix === '' ? field : `${prefix}.${field}`);
  if (!isRecord(value)) {
    errors.push({ field: prefix === '' ? 'body' : prefix, message: 'must be an object { code, name }' });
    return { code: '', name: '' };
  }
  const code = requireText(errors, at('code'), value.code);
  if (code !== '' && !TERM_CODE_PATTERN.test(code))
    errors.push({ field: at('code'), message: 'must be 1 to 64 characters without spaces, slashes, ?, # or %' });
  const name = requireText(errors, at('name'), value.name);
  if (name.length > TERM_NAME_MAX) errors.push({ field: at('name'), message: `must be at most ${TERM_NAME_MAX} characters` });
  return { code, name };
}

/** A list of terms with no code and no name twice. */
export function parseTerms(errors: FieldErrors, value: unknown): VocabularyTerm[] {
  const terms = requireList(errors, 'terms', value).map((term, index) => parseTerm(errors, term, `terms[${index}]`));
  rejectDuplicates(
    errors,
    (index) => `terms[${index}].code`,
    terms.map((term) => term.code),
    'code',
  );
  rejectDuplicates(
    errors,
    (index) => `terms[${index}].name`,
    terms.map((term) => term.name),
    'name',
  );
  return terms;
}

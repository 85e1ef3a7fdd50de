import { ApiProblem } from '../api/http';
import type { FieldError, ProblemDetails } from '../api/types';
import type { I18n } from '../i18n/i18n';

/**
 * The words of a refusal come from its stable `code` (`problemCode.<code>` in the message tables), never
 * from the server's English `detail`: a code the tables lack falls back to a generic text per status.
 */
export function problemText(i18n: I18n, problem: ProblemDetails): string {
  const generic = genericText(i18n, problem.status);
  return typeof problem.code === 'string' && problem.code !== '' ? i18n.tr(`problemCode.${problem.code}`, generic) : generic;
}

/** What is wrong with one field, from its `code` (`fieldCode.<code>`); an unknown code reads as a generic “not valid”. */
export function fieldErrorText(i18n: I18n, fieldError: Pick<FieldError, 'code'>): string {
  return i18n.tr(`fieldCode.${fieldError.code}`, i18n.t('problem.fieldInvalid'));
}

function genericText(i18n: I18n, status: number): string {
  switch (status) {
    case 0:
      return i18n.t('problem.network');
    case 400:
      return i18n.t('problem.400');
    case 401:
      return i18n.t('problem.401');
    case 403:
      return i18n.t('problem.403');
    case 404:
      return i18n.t('problem.404');
    case 409:
      return i18n.t('problem.409');
    case 429:
      return i18n.t('problem.429');
    default:
      return status >= 500 ? i18n.t('problem.500') : i18n.t('problem.other', { status });
  }
}

/** The plain-words explanation of a failed request. */
export function explain(i18n: I18n, error: unknown): string {
  if (!(error instanceof ApiProblem)) return i18n.t('problem.unexpected');
  if (error.isNetwork) return i18n.t('problem.network');
  if (error.status === 409 && !error.isVersionConflict && error.gaps && error.gaps.length > 0) return i18n.t('problem.409gaps');
  const code = error.code;
  return problemText(i18n, code === undefined ? error.problem : { ...error.problem, code });
}

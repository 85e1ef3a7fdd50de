import { ApiProblem } from '../api/http';
import type { I18n } from '../i18n/i18n';

/** The plain-words explanation of a failed request. */
export function explain(i18n: I18n, error: unknown): string {
  if (!(error instanceof ApiProblem)) return error instanceof Error ? error.message : String(error);
  const { problem } = error;
  const detail = problem.detail ?? problem.title ?? '';
  if (error.isNetwork) return i18n.t('problem.network');
  if (error.isVersionConflict) {
    return i18n.t('problem.409version', {
      expected: String(problem.expectedVersion ?? '?'),
      current: String(problem.currentVersion ?? '?'),
    });
  }
  if (error.status === 409 && error.gaps && error.gaps.length > 0) return i18n.t('problem.409gaps');
  switch (error.status) {
    case 400:
      return i18n.t('problem.400');
    case 401:
      return i18n.t('problem.401');
    case 403:
      return i18n.t('problem.403', { detail });
    case 404:
      return i18n.t('problem.404', { detail });
    case 409:
      return i18n.t('problem.409', { detail });
    case 429:
      return i18n.t('problem.429');
    default:
      return error.status >= 500 ? i18n.t('problem.500') : i18n.t('problem.other', { status: error.status, detail });
  }
}

import { ProblemException } from './problem';

/** Parses `If-Match: "<version>"` (also `W/"3"` or a bare `3`); absent → undefined; malformed → 400. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '' || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match?.[1]) throw ProblemException.badRequest([{ field: 'If-Match', message: 'must be the version in quotes, e.g. "3"' }]);
  return Number(match[1]);
}

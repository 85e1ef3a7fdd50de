import type { AuthenticatedUser } from '../auth/authenticated-user';
import { assertCountyAccess, isSystemAdmin } from '../auth/access';
import { ProblemException } from './problem';

/**
 * The county a read is about: the caller's own, or for the system admin (who belongs to none) the
 * one named with `?countyId=`. Naming another county than one's own is 403.
 */
export function countyOf(user: AuthenticatedUser, requested: string | undefined): string {
  if (isSystemAdmin(user)) {
    if (requested === undefined)
      throw ProblemException.badRequest([{ field: 'countyId', message: 'the system admin names the county (?countyId=)' }]);
    return requested;
  }
  const own = user.countyId;
  if (own === null) throw ProblemException.forbidden('You belong to no county');
  if (requested !== undefined) assertCountyAccess(user, requested);
  return own;
}

/** What of the county a user's lists show: a township user its township's, a department user its department's, others all. */
export function listReachOf(user: AuthenticatedUser): { townshipId?: string; department?: string } {
  if (user.role === 'township') {
    if (user.townshipId === null) throw ProblemException.forbidden('You belong to no township');
    return { townshipId: user.townshipId };
  }
  if (user.role === 'department') {
    if (user.department === null) throw ProblemException.forbidden('Your account names no department');
    return { department: user.department };
  }
  return {};
}

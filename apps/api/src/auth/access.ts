import { ProblemException } from '../http/problem';
import type { AuthenticatedUser } from './authenticated-user';

/**
 * County and township access rules for every module. Nothing crosses counties: the system admin sees
 * every county, everyone else only their own; township users only their own township.
 */

/** Where a township-scoped record lives. */
export interface TownshipScope {
  readonly countyId: string;
  readonly townshipId: string;
}

export function isSystemAdmin(user: AuthenticatedUser): boolean {
  return user.role === 'admin';
}

/** The county to filter lists by: null for the system admin (every county). */
export function countyFilterOf(user: AuthenticatedUser): string | null {
  return isSystemAdmin(user) ? null : user.countyId;
}

/** The caller's own county, for writes that create county records (e.g. a power); 403 for the system admin, who has none. */
export function requireOwnCounty(user: AuthenticatedUser): string {
  if (!user.countyId) throw ProblemException.forbidden('This action is taken within a county; the system admin belongs to none');
  return user.countyId;
}

export function canAccessCounty(user: AuthenticatedUser, countyId: string): boolean {
  return isSystemAdmin(user) || user.countyId === countyId;
}

/** 403 unless the caller is the system admin or belongs to `countyId`. */
export function assertCountyAccess(user: AuthenticatedUser, countyId: string): void {
  if (!canAccessCounty(user, countyId)) throw ProblemException.forbidden('This belongs to another county');
}

/** Reading a township's records: the system admin, the county's own users, and that township's users. */
export function canAccessTownship(user: AuthenticatedUser, scope: TownshipScope): boolean {
  if (!canAccessCounty(user, scope.countyId)) return false;
  return user.role !== 'township' || user.townshipId === scope.townshipId;
}

export function assertTownshipAccess(user: AuthenticatedUser, scope: TownshipScope): void {
  if (!canAccessCounty(user, scope.countyId)) throw ProblemException.forbidden('This belongs to another county');
  if (!canAccessTownship(user, scope)) throw ProblemException.forbidden('This belongs to another township');
}

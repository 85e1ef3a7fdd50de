import { COUNTY_OFFICE, type Gap } from '@fangquan/domain';

/**
 * Who is reminded: the department that committed a missing resource and has not delivered it,
 * otherwise the county office (its `county_admin` users); escalated steps add the county office's
 * heads. Township reminders (unanswered handovers, expiring certificates) go to the township's users.
 */
export interface RecipientScope {
  /** Departments whose users are reminded. */
  readonly departments: readonly string[];
  /** Every `county_admin` user of the county. */
  readonly countyOffice: boolean;
  /** The heads (head: true) among the county office's users: escalation. */
  readonly countyOfficeHeads: boolean;
  /** Users of this township. */
  readonly townshipId: string | null;
}

/** A user as recipient resolution sees them. */
export interface Candidate {
  readonly id: string;
  readonly username: string;
  readonly role: string;
  readonly department: string | null;
  readonly townshipId: string | null;
  readonly head: boolean;
}

export function gapRecipientScope(gaps: readonly Gap[], escalated: boolean): RecipientScope {
  const departments = new Set<string>();
  let countyOffice = false;
  for (const gap of gaps) {
    if (gap.responsible === COUNTY_OFFICE) countyOffice = true;
    else departments.add(gap.responsible);
  }
  return { departments: [...departments].sort(), countyOffice, countyOfficeHeads: escalated, townshipId: null };
}

export function townshipRecipientScope(townshipId: string): RecipientScope {
  return { departments: [], countyOffice: false, countyOfficeHeads: false, townshipId };
}

/** The candidates (users of the county) the scope names, each once, by username. */
export function selectRecipients(candidates: readonly Candidate[], scope: RecipientScope): Candidate[] {
  const departments = new Set(scope.departments);
  const chosen = candidates.filter((user) => {
    if (user.role === 'department' && user.department !== null && departments.has(user.department)) return true;
    if (user.role === 'county_admin' && (scope.countyOffice || (scope.countyOfficeHeads && user.head))) return true;
    return user.role === 'township' && scope.townshipId !== null && user.townshipId === scope.townshipId;
  });
  const byId = new Map(chosen.map((user) => [user.id, user]));
  return [...byId.values()].sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0));
}

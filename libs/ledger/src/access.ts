import { forbidden, type LedgerActor, type LedgerError } from './ledger.types';

/** Stable codes of the refusals for reach beyond the actor's department. */
export const AccessCodes = {
  notOwnDepartment: 'not-own-department',
} as const;
export type AccessCode = (typeof AccessCodes)[keyof typeof AccessCodes];

/** Where an aggregate lies within its county: a township's (a team, a handover), a department's (a power, a handover). */
export interface AccessScope {
  readonly countyId: string;
  readonly townshipId?: string;
  readonly department?: string;
}

/** Words for the refusals: what the aggregate is ("handover", "team", ...), and what only its own township may do to it. */
export interface AccessWording {
  readonly what: string;
  readonly townshipOnly?: string;
  /** What only the owning department may do, given that department. */
  readonly departmentOnly?: (owner: string) => string;
}

/**
 * Null when the actor may act on an aggregate in `scope`, else why not. Nothing crosses counties; a
 * township actor acts on its own township's aggregates, a department actor on its own department's;
 * the county's own actors on any of the county. Which roles may issue which command is the caller's
 * rule (the API's route roles); this is the rule on the aggregate itself.
 */
export function accessRefusal(actor: LedgerActor, scope: AccessScope, wording: AccessWording): LedgerError | null {
  if (actor.countyId !== scope.countyId) return forbidden(`This ${wording.what} belongs to another county`);
  const reach = actor.reach ?? { kind: 'county' };
  switch (reach.kind) {
    case 'county':
      return null;
    case 'township':
      if (reach.townshipId === null) return forbidden('You belong to no township');
      if (scope.townshipId !== reach.townshipId)
        return forbidden(wording.townshipOnly ?? `This ${wording.what} belongs to another township`);
      return null;
    case 'department':
      if (reach.department === null) return forbidden('Your account names no department');
      if (scope.department !== reach.department) {
        const owner = scope.department;
        const detail =
          owner === undefined
            ? `A department does not act on a ${wording.what}`
            : (wording.departmentOnly?.(owner) ?? `This ${wording.what} is ${owner}'s, not ${reach.department}'s`);
        return forbidden(detail, AccessCodes.notOwnDepartment);
      }
      return null;
    default: {
      const unknown: never = reach;
      throw new Error(`Unknown reach ${JSON.stringify(unknown)}`);
    }
  }
}

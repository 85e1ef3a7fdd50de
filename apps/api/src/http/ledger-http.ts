import type { ActorReach, LedgerActor, LedgerError, LedgerResult, Written } from '@fangquan/ledger';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { problem, ProblemException } from './problem';

/**
 * The HTTP side of the ledger, shared by the catalogue, teams and handovers controllers:
 * who acts, and how a refused command reads as problem+json.
 */

export function actorOf(user: AuthenticatedUser): LedgerActor {
  return { username: user.username, countyId: user.countyId, reach: reachOf(user), head: user.head };
}

/** A township user acts for its township, a department user for its department, the county's other users for the county. */
function reachOf(user: AuthenticatedUser): ActorReach {
  switch (user.role) {
    case 'township':
      return { kind: 'township', townshipId: user.townshipId };
    case 'department':
      return { kind: 'department', department: user.department };
    default:
      return { kind: 'county' };
  }
}

/**
 * A refused command as problem+json: invalid → 400 naming every field; not-found → 404;
 * forbidden → 403 (with `code` when it names a rule); rule → 409 with `code` (and `gaps` when the refusal is about readiness);
 * version conflict → 409 `version-conflict` (nothing was written).
 */
export function ledgerProblem(error: LedgerError): ProblemException {
  switch (error.kind) {
    case 'invalid':
      return ProblemException.badRequest(error.errors);
    case 'not-found':
      return ProblemException.notFound(error.detail);
    case 'forbidden':
      return error.code === undefined
        ? ProblemException.forbidden(error.detail)
        : new ProblemException(problem(403, error.detail, { code: error.code }, error.code));
    case 'rule':
      return new ProblemException(
        problem(409, error.detail, { code: error.code, ...(error.gaps === undefined ? {} : { gaps: error.gaps }) }, error.code),
      );
    case 'version-conflict':
      return new ProblemException(
        problem(
          409,
          error.detail,
          { code: 'version-conflict', expectedVersion: error.expected, currentVersion: error.actual },
          'version-conflict',
        ),
      );
    default: {
      const unknown: never = error;
      throw new Error(`Unknown ledger error ${JSON.stringify(unknown)}`);
    }
  }
}

/** The written result, or the refusal thrown as its problem. */
export function written<S, Extra extends object>(result: LedgerResult<S, Extra>): Written<S> & Extra {
  if (!result.ok) throw ledgerProblem(result.error);
  return result;
}

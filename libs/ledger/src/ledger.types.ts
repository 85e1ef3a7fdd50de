import type { DomainError } from '@fangquan/domain';
import type { AccessCode } from './access';

/**
 * How far an actor reaches within its county: the whole county (the county office, the workers), one
 * township (its users), or one department (its users). A department user whose account names no
 * department, or a township user without a township, reaches nothing.
 */
export type ActorReach =
  | { readonly kind: 'county' }
  | { readonly kind: 'township'; readonly townshipId: string | null }
  | { readonly kind: 'department'; readonly department: string | null };

/** Who issues a command: the authenticated user (or a worker's system actor) as the ledger needs it. */
export interface LedgerActor {
  readonly username: string;
  /** The actor's county; commands never cross counties. Null (the system admin) writes nothing. */
  readonly countyId: string | null;
  /** Absent: the whole county. */
  readonly reach?: ActorReach;
  /** The head (负责人) of the actor's township, department or county office (the user's `head` flag); absent: not a head. */
  readonly head?: boolean;
}

export interface CommandOptions {
  /** Groups every event caused by one request. */
  readonly correlationId: string;
  /** The message that caused this command; null (default) for a user's own request. */
  readonly causationId?: string | null;
  /** The version the caller last saw (HTTP If-Match): a different current version is refused, nothing written. */
  readonly expectedVersion?: number;
}

/**
 * Why a command was refused: the domain's errors, plus the two the ledger adds —
 * `forbidden` (the aggregate lies beyond the actor's reach; `code` names the rule when it is more
 * than the county's or township's bounds) and
 * `version-conflict` (the stream was not at the expected version; nothing was written).
 */
export type LedgerError =
  | DomainError
  | { readonly kind: 'forbidden'; readonly detail: string; readonly code?: AccessCode }
  | { readonly kind: 'version-conflict'; readonly detail: string; readonly expected: number | null; readonly actual: number | null };

/** A command that was decided and written (or decided to change nothing: `lastGlobalPosition` null). */
export interface Written<S> {
  readonly ok: true;
  readonly state: S;
  /** The stream's version after the command. */
  readonly version: number;
  /** Global position of the last event written; null when nothing was written. */
  readonly lastGlobalPosition: string | null;
}

export interface Refused {
  readonly ok: false;
  readonly error: LedgerError;
  /** The stream's version when the command was refused. */
  readonly version: number;
}

export type LedgerResult<S, Extra extends object = object> = (Written<S> & Extra) | Refused;

/** An aggregate as loaded from its stream. */
export interface Loaded<S> {
  readonly state: S;
  readonly version: number;
}

export function refused(error: LedgerError, version = 0): Refused {
  return { ok: false, error, version };
}

export function forbidden(detail: string, code?: AccessCode): LedgerError {
  return code === undefined ? { kind: 'forbidden', detail } : { kind: 'forbidden', detail, code };
}

/**
 * Reading errors from the two drivers (node-postgres and PGlite, both wrapped by TypeORM's
 * QueryFailedError) the same way.
 */

/** The SQLSTATE of a database error, looking through TypeORM's wrapper. */
export function sqlState(error: unknown): string | undefined {
  for (const candidate of [error, driverErrorOf(error)]) {
    if (typeof candidate === 'object' && candidate !== null && 'code' in candidate) {
      const code: unknown = candidate.code;
      if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    }
  }
  return undefined;
}

export function constraintName(error: unknown): string | undefined {
  for (const candidate of [error, driverErrorOf(error)]) {
    if (typeof candidate === 'object' && candidate !== null && 'constraint' in candidate && typeof candidate.constraint === 'string')
      return candidate.constraint;
  }
  return undefined;
}

function driverErrorOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'driverError' in error ? error.driverError : undefined;
}

/** SQLSTATEs that mean "the database or the connection went away", not "your statement is wrong". */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '3D000', '53300']);
const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH']);
const UNAVAILABLE_MESSAGES = [
  /connection terminated/i,
  /connection error/i,
  /terminating connection/i,
  /cannot use a pool after calling end/i,
  /client was closed and is not queryable/i,
  /not queryable/i,
  /timeout exceeded when trying to connect/i,
  /pglite is closed/i,
  /driver not connected/i,
];

/** Whether `error` means the database is unreachable or the connection died (class 08, admin shutdown, pool closed ...). */
export function isUnavailable(error: unknown): boolean {
  const state = sqlState(error);
  if (state !== undefined) return state.startsWith('08') || UNAVAILABLE_STATES.has(state);
  for (const candidate of [error, driverErrorOf(error)]) {
    if (!(candidate instanceof Error)) continue;
    const code: unknown = 'code' in candidate ? candidate.code : undefined;
    if (typeof code === 'string' && UNAVAILABLE_NODE_CODES.has(code)) return true;
    if (UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(candidate.message) || pattern.test(candidate.name))) return true;
  }
  return false;
}

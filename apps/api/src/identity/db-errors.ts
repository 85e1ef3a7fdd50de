/** Whether a TypeORM/driver error is a unique violation (SQLSTATE 23505), optionally of one constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (const candidate of [error, typeof error === 'object' && error !== null && 'driverError' in error ? error.driverError : undefined]) {
    if (typeof candidate !== 'object' || candidate === null || !('code' in candidate) || candidate.code !== '23505') continue;
    return constraint === undefined || ('constraint' in candidate && candidate.constraint === constraint);
  }
  return false;
}

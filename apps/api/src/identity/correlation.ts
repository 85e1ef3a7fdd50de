import { randomUUID } from 'node:crypto';
import type { Request } from 'express';

const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The correlation id of a request: a well-formed `X-Request-Id` / `X-Correlation-Id` header, else a new UUID. */
export function correlationIdOf(request: Pick<Request, 'headers'>): string {
  for (const name of ['x-correlation-id', 'x-request-id']) {
    const value = request.headers[name];
    if (typeof value === 'string' && ACCEPTABLE_ID.test(value)) return value;
  }
  return randomUUID();
}

import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { from, Observable, of, throwError } from 'rxjs';
import { catchError, mergeMap } from 'rxjs/operators';
import { IdempotencyStore } from '@fangquan/platform';
import { IS_PUBLIC, type AuthenticatedRequest } from '../../auth/auth.decorators';
import { problem, ProblemException } from '../problem';
import { toProblemDetails } from '../problem-details.filter';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** Sorted-key JSON, so that the same body in another key order is the same request. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * `Idempotency-Key` on any authenticated POST: the first request with a key runs and its response is
 * kept; a repeat with the same key and body gets that response again (header `Idempotent-Replayed`)
 * and writes nothing; the same key with another body is refused (422); a repeat while the first is
 * still running gets 409. Server errors free the key so that the client may retry. An upload's file is part
 * of the request: the import routes run a second instance after the file interceptor (`SheetImportRoute`).
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest & Request>();
    const key = request.header('idempotency-key');
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (request.method !== 'POST' || key === undefined || isPublic || !request.user) return next.handle();
    // An upload is claimed by the route's own instance, after the file is read, so that the file is part of the request.
    if (request.is('multipart/form-data') && request.file === undefined) return next.handle();
    if (!KEY_PATTERN.test(key)) {
      return throwError(() =>
        ProblemException.badRequest([{ field: 'Idempotency-Key', message: 'must be 1–255 visible ASCII characters' }]),
      );
    }
    const scope = request.user.userId;
    const requestHash = createHash('sha256')
      .update(`${request.method} ${request.originalUrl}\n${canonicalJson(request.body)}`)
      .update(request.file === undefined ? '' : `\n${request.file.originalname}\n`)
      .update(request.file?.buffer ?? Buffer.alloc(0))
      .digest('hex');
    const response = http.getResponse<Response>();

    return from(this.store.claim(scope, key, requestHash)).pipe(
      mergeMap((claim) => {
        switch (claim.kind) {
          case 'replay':
            response.status(claim.statusCode).setHeader('Idempotent-Replayed', 'true');
            if (claim.statusCode >= 400) response.type('application/problem+json');
            return of(claim.body);
          case 'mismatch':
            return throwError(
              () =>
                new ProblemException(
                  problem(
                    422,
                    'This Idempotency-Key was already used with a different request',
                    { errors: [{ field: 'Idempotency-Key', message: 'reused with a different request' }] },
                    'idempotency-key-reused',
                  ),
                ),
            );
          case 'in-progress':
            return throwError(() =>
              ProblemException.conflict(
                'A request with this Idempotency-Key is still being processed; retry shortly',
                'idempotency-key-in-progress',
              ),
            );
          case 'claimed':
            return next.handle().pipe(
              mergeMap((body: unknown) => from(this.store.complete(scope, key, response.statusCode, body)).pipe(mergeMap(() => of(body)))),
              catchError((error: unknown) => {
                const details = toProblemDetails(error);
                const settle =
                  details.status >= 500 ? this.store.release(scope, key) : this.store.complete(scope, key, details.status, details);
                return from(settle.catch(() => undefined)).pipe(mergeMap(() => throwError(() => error)));
              }),
            );
        }
      }),
    );
  }
}

import type { NextFunction, Request, Response } from 'express';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { problem, PROBLEM_CONTENT_TYPE } from '../http/problem';

export const ADMIN_QUEUES_PATH = '/admin/queues';
/** A browser cannot send a bearer token with a page load: `?access_token=` puts it in this cookie once. */
export const ADMIN_COOKIE = 'fangquan_admin_token';

export interface TokenVerifier {
  verify(token: string): Promise<AuthenticatedUser | undefined>;
}

function bearer(request: Request): string | undefined {
  const match = /^Bearer\s+([A-Za-z0-9\-_.~+/]+=*)\s*$/i.exec(request.headers.authorization ?? '');
  return match?.[1];
}

function cookie(request: Request, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

function refuse(response: Response, status: 401 | 403, detail: string): void {
  if (status === 401) response.setHeader('WWW-Authenticate', 'Bearer');
  response
    .status(status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify(problem(status, detail)));
}

/**
 * Guards the queue dashboard: the system admin only, by bearer token (or the cookie that a first
 * `?access_token=` visit sets, HttpOnly and scoped to the dashboard); 401 without a valid token,
 * 403 for anyone else.
 */
export function adminOnly(tokens: TokenVerifier): (request: Request, response: Response, next: NextFunction) => void {
  return (request, response, next) => {
    const fromQuery = typeof request.query.access_token === 'string' ? request.query.access_token : undefined;
    const token = bearer(request) ?? fromQuery ?? cookie(request, ADMIN_COOKIE);
    if (token === undefined) return refuse(response, 401, 'An access token is required (Authorization: Bearer <token>)');
    tokens.verify(token).then(
      (user) => {
        if (user === undefined) return refuse(response, 401, 'The access token is invalid or has expired');
        if (user.role !== 'admin') return refuse(response, 403, `The queue dashboard is for the system admin; you are ${user.role}`);
        if (fromQuery !== undefined && request.method === 'GET') {
          response.cookie(ADMIN_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: ADMIN_QUEUES_PATH, maxAge: 12 * 3600_000 });
          return response.redirect(303, `${request.baseUrl}${request.path === '/' ? '' : request.path}`);
        }
        next();
      },
      (error: unknown) => next(error),
    );
  };
}

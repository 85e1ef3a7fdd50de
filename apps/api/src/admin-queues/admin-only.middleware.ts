import type { NextFunction, Request, Response } from 'express';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { problem, PROBLEM_CONTENT_TYPE } from '../http/problem';
import type { AdminQueuesSession } from './admin-queues-sessions.service';

export const ADMIN_QUEUES_PATH = '/admin/queues';
/** The dashboard's session cookie (HttpOnly, SameSite=Strict, Path=/admin/queues, short-lived). */
export const ADMIN_QUEUES_COOKIE = 'fangquan_admin_token';

export interface TokenVerifier {
  verify(token: string): Promise<AuthenticatedUser | undefined>;
}

export interface SessionIssuer {
  issue(admin: AuthenticatedUser): Promise<AdminQueuesSession>;
  verify(token: string): Promise<boolean>;
}

function bearer(request: Request): string | undefined {
  const match = /^Bearer\s+([A-Za-z0-9\-_.~+/]+=*)\s*$/i.exec(request.headers.authorization ?? '');
  return match?.[1];
}

function cookie(request: Request, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) {
      try {
        return decodeURIComponent(value.join('='));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

const PAGES: Record<401 | 403, { title: string; zh: string; en: string }> = {
  401: {
    title: '提醒队列：请先登录 · Queue dashboard: sign in first',
    zh: '提醒队列仅供系统管理员查看。请以系统管理员身份登录放权，在“县（区）”页面点击“提醒队列”进入；进入后 10 分钟内有效，过期后从该页面重新进入即可。',
    en: 'The queue dashboard is for the system admin. Sign in to Fangquan as the system admin and open it from the Counties page; the way in lasts 10 minutes, after which you open it again from that page.',
  },
  403: {
    title: '提醒队列：无权访问 · Queue dashboard: not allowed',
    zh: '提醒队列仅供系统管理员查看，您当前的账号不能访问。',
    en: 'The queue dashboard is for the system admin; your account cannot open it.',
  },
};

/** A plain page for a person in a browser (no scripts, no outside resources), in Chinese and English. */
export function refusalPage(status: 401 | 403): string {
  const page = PAGES[status];
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${page.title}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.6">
<h1 style="font-size: 1.4rem">${page.title}</h1>
<p>${page.zh}</p>
<p lang="en">${page.en}</p>
<p><a href="/">返回放权 · Back to Fangquan</a></p>
</body>
</html>
`;
}

function refuse(request: Request, response: Response, status: 401 | 403, detail: string): void {
  if (status === 401) response.setHeader('WWW-Authenticate', 'Bearer');
  // A person opening the page gets a page; scripts and API clients get problem+json.
  if (request.accepts(['application/json', PROBLEM_CONTENT_TYPE, 'text/html']) === 'text/html') {
    response.status(status).type('html').send(refusalPage(status));
    return;
  }
  response
    .status(status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify(problem(status, detail)));
}

/**
 * Guards the queue dashboard: the system admin only — by bearer token (scripts), or by the session
 * cookie that `POST /api/v1/admin/queues/session` (or a first `?access_token=` visit) sets. 401 without
 * either, 403 for anyone else; a browser gets a plain page with a link back to the app.
 */
export function adminOnly(
  tokens: TokenVerifier,
  sessions: SessionIssuer,
): (request: Request, response: Response, next: NextFunction) => void {
  return (request, response, next) => {
    const fromQuery = typeof request.query.access_token === 'string' ? request.query.access_token : undefined;
    const token = bearer(request) ?? fromQuery;
    const session = cookie(request, ADMIN_QUEUES_COOKIE);
    const check = async (): Promise<void> => {
      if (token === undefined) {
        if (session === undefined)
          return refuse(request, response, 401, 'Open the dashboard from the web app, or send Authorization: Bearer <token>');
        if (await sessions.verify(session)) return next();
        return refuse(request, response, 401, 'The dashboard session has expired; open it again from the web app');
      }
      const user = await tokens.verify(token);
      if (user === undefined) return refuse(request, response, 401, 'The access token is invalid or has expired');
      if (user.role !== 'admin') return refuse(request, response, 403, `The queue dashboard is for the system admin; you are ${user.role}`);
      if (fromQuery !== undefined && request.method === 'GET') {
        const opened = await sessions.issue(user);
        response.cookie(ADMIN_QUEUES_COOKIE, opened.token, {
          httpOnly: true,
          sameSite: 'strict',
          secure: request.secure,
          path: ADMIN_QUEUES_PATH,
          expires: new Date(opened.expiresAt),
        });
        return response.redirect(303, `${request.baseUrl}${request.path === '/' ? '' : request.path}`);
      }
      next();
    };
    check().catch(next);
  };
}

import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { problem, ProblemException } from '../http/problem';
import { AccessTokenService } from './access-token.service';
import { ALLOWED_ROLES, IS_PUBLIC, type AuthenticatedRequest } from './auth.decorators';
import type { Role } from './authenticated-user';

/** Paths served without a token although their controllers carry no @Public(): health checks and the API docs. */
const OPEN_PATH_PREFIXES = ['/health', '/api/docs'];

export function unauthorized(detail: string): ProblemException {
  return new ProblemException(problem(401, detail));
}

function isOpenPath(path: string): boolean {
  return OPEN_PATH_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}-`));
}

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+([A-Za-z0-9\-_.~+/]+=*)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/**
 * The global guard (APP_GUARD): every route needs `Authorization: Bearer <token>` unless it is
 * @Public() or an open path; sets `request.user`, then enforces @Roles(...) with a 403.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, targets) || isOpenPath(request.path)) return true;
    const token = bearerToken(request.headers.authorization);
    const user = token ? await this.tokens.verify(token) : undefined;
    if (!user) {
      context.switchToHttp().getResponse<Response>().setHeader('WWW-Authenticate', 'Bearer');
      throw unauthorized(
        token ? 'The access token is invalid or has expired' : 'An access token is required (Authorization: Bearer <token>)',
      );
    }
    request.user = user;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (roles && roles.length > 0 && !roles.includes(user.role)) {
      throw ProblemException.forbidden(`This action needs the role ${roles.join(' or ')}; you are ${user.role}`);
    }
    return true;
  }
}

import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { Response } from 'express';

export const LOGIN_THROTTLER = 'login';
/** Attempts from one address whatever the usernames: one password sprayed over many usernames. */
export const LOGIN_ADDRESS_THROTTLER = 'login-address';

export function addressOf(request: { ip?: string }): Promise<string> {
  return Promise.resolve(request.ip ?? 'unknown');
}

/**
 * Rate limits of login attempts: per client address and username (case-insensitive), and per address
 * alone (its throttler brings its own tracker). The 429 says when to try again (`Retry-After`, seconds).
 */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override getTracker(request: { ip?: string; body?: unknown }): Promise<string> {
    const body = request.body;
    const username =
      typeof body === 'object' && body !== null && 'username' in body && typeof body.username === 'string'
        ? body.username.toLowerCase()
        : '';
    return Promise.resolve(`${request.ip ?? 'unknown'}|${username}`);
  }

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    context
      .switchToHttp()
      .getResponse<Response>()
      .setHeader('Retry-After', String(Math.max(1, Math.ceil(detail.timeToBlockExpire))));
    await super.throwThrottlingException(context, detail);
  }
}

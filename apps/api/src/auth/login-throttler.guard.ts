import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';

export const LOGIN_THROTTLER = 'login';

/** Rate limit of login attempts per client IP and username (case-insensitive). */
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
}

import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '@fangquan/platform';
import { problem, ProblemException } from '../http/problem';

const WINDOW_MS = 60_000;

/**
 * Counts one client address's requests in fixed one-minute windows (in memory, per process).
 * Returns how long the caller must wait, in seconds, once it has used up `limit`; 0 while it may go on.
 */
export class AddressWindows {
  private windowStart = -1;
  private counts = new Map<string, number>();

  constructor(private readonly limit: number) {}

  take(address: string, now: number): number {
    const windowStart = now - (now % WINDOW_MS);
    if (windowStart !== this.windowStart) {
      // A new window: the old counts go (the map never holds more than one window's addresses).
      this.windowStart = windowStart;
      this.counts = new Map();
    }
    const used = (this.counts.get(address) ?? 0) + 1;
    this.counts.set(address, used);
    return used <= this.limit ? 0 : Math.max(1, Math.ceil((this.windowStart + WINDOW_MS - now) / 1000));
  }
}

/**
 * The allowance of the token-free endpoints: PUBLIC_RATE_LIMIT requests per minute and client address
 * (the address Express derives, honouring TRUST_PROXY), counted on the wall clock (not the
 * application's Clock, which tests may hold still). One per process, shared by the guard and the fast path.
 */
@Injectable()
export class PublicRateLimiter {
  private readonly windows: AddressWindows;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.windows = new AddressWindows(config.publicRateLimit);
  }

  /** Counts the request; the seconds to wait when the address is past its allowance, else 0. */
  take(request: Request): number {
    return this.windows.take(request.ip ?? 'unknown', Date.now());
  }
}

/** Past the allowance: 429 problem+json with `Retry-After`. */
@Injectable()
export class PublicRateLimitGuard implements CanActivate {
  constructor(private readonly limiter: PublicRateLimiter) {}

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const wait = this.limiter.take(http.getRequest<Request>());
    if (wait === 0) return true;
    http.getResponse<Response>().setHeader('Retry-After', String(wait));
    throw new ProblemException(problem(429, `Too many requests from this address; try again in ${wait} s`, {}, 'too-many-requests'));
  }
}

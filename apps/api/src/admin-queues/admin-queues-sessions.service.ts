import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { AuthenticatedUser } from '../auth/authenticated-user';

/** How long the dashboard's session cookie lets the admin's browser in. */
export const ADMIN_QUEUES_SESSION_SECONDS = 10 * 60;
const PURPOSE = 'admin-queues';

export interface AdminQueuesSession {
  readonly token: string;
  readonly expiresAt: string;
}

/**
 * Sessions of the queue dashboard: a browser cannot send a bearer token with a page load, so the
 * system admin's web app asks for a short-lived token that only opens the dashboard (it carries no
 * role, so the API refuses it as an access token), kept in an HttpOnly cookie scoped to the dashboard.
 */
@Injectable()
export class AdminQueuesSessions {
  constructor(private readonly moduleRef: ModuleRef) {}

  /** The access tokens' signer (AuthModule's): the same key, so every API process verifies every session. */
  private get jwt(): JwtService {
    return this.moduleRef.get(JwtService, { strict: false });
  }

  async issue(admin: AuthenticatedUser, now = Date.now()): Promise<AdminQueuesSession> {
    const token = await this.jwt.signAsync(
      { sub: admin.userId, username: admin.username, purpose: PURPOSE },
      { expiresIn: ADMIN_QUEUES_SESSION_SECONDS },
    );
    return { token, expiresAt: new Date(now + ADMIN_QUEUES_SESSION_SECONDS * 1000).toISOString() };
  }

  /** Whether the token is a dashboard session that has not expired. */
  async verify(token: string): Promise<boolean> {
    try {
      const claims = await this.jwt.verifyAsync<Record<string, unknown>>(token);
      return claims.purpose === PURPOSE && typeof claims.sub === 'string';
    } catch {
      return false;
    }
  }
}

import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { LRUCache } from 'lru-cache';
import { isRole, type UserProfile } from '@fangquan/identity';
import type { AuthenticatedUser } from './authenticated-user';
import { UserSessions } from './user-sessions';

/** How long an access token is valid. */
export const ACCESS_TOKEN_TTL_SECONDS = 12 * 60 * 60;

interface AccessTokenClaims {
  readonly sub: string;
  readonly username: string;
  readonly role: string;
  readonly countyId: string | null;
  readonly townshipId: string | null;
  readonly department: string | null;
  readonly head: boolean;
  /** The user's token version when the token was signed: a disabled user, a new role or a new password raise it. */
  readonly ver: number;
}

interface VerifiedToken {
  readonly user: AuthenticatedUser;
  readonly tokenVersion: number;
}

/** Tokens verified lately, kept until they expire (at most this long): a client sends the same token with every request. */
const VERIFIED_TOKENS = 10_000;
const VERIFIED_FOR_MS = 10 * 60 * 1000;

function nullableString(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}

/**
 * Signs and verifies access tokens (HS256 JWTs carrying the user's role, scope and token version). A
 * token is honoured while its signature and expiry hold and its user still exists, is enabled and has
 * the token's version (UserSessions).
 */
@Injectable()
export class AccessTokenService {
  /** Verifying a token (HMAC and JSON) is a visible share of the API's CPU per request; a token verified once stays valid until it expires. */
  private readonly verified = new LRUCache<string, VerifiedToken>({ max: VERIFIED_TOKENS, ttl: VERIFIED_FOR_MS, ttlAutopurge: false });

  constructor(
    private readonly jwt: JwtService,
    private readonly sessions: UserSessions,
  ) {}

  sign(user: UserProfile): Promise<string> {
    const claims: AccessTokenClaims = {
      sub: user.id,
      username: user.username,
      role: user.role,
      countyId: user.countyId,
      townshipId: user.townshipId,
      department: user.department,
      head: user.head,
      ver: user.tokenVersion,
    };
    return this.jwt.signAsync({ ...claims });
  }

  /** The user of a valid token; undefined for anything else (bad signature, expired, wrong shape, user disabled or changed). */
  async verify(token: string): Promise<AuthenticatedUser | undefined> {
    const verified = this.verified.get(token) ?? (await this.verifySignature(token));
    if (verified === undefined) return undefined;
    return (await this.sessions.isCurrent(verified.user.userId, verified.tokenVersion)) ? verified.user : undefined;
  }

  private async verifySignature(token: string): Promise<VerifiedToken | undefined> {
    let claims: Record<string, unknown>;
    try {
      claims = await this.jwt.verifyAsync<Record<string, unknown>>(token);
    } catch {
      return undefined;
    }
    const { sub, username, role, countyId, townshipId, department, head, ver } = claims;
    if (typeof sub !== 'string' || typeof username !== 'string' || !isRole(role) || typeof head !== 'boolean') return undefined;
    if (typeof ver !== 'number' || !Number.isInteger(ver)) return undefined;
    if (!nullableString(countyId) || !nullableString(townshipId) || !nullableString(department)) return undefined;
    const verified: VerifiedToken = { user: { userId: sub, username, role, countyId, townshipId, department, head }, tokenVersion: ver };
    // Kept no longer than the token is valid (verifyAsync has just checked `exp`).
    const untilExpiry = typeof claims.exp === 'number' ? claims.exp * 1000 - Date.now() : 0;
    if (untilExpiry > 0) this.verified.set(token, verified, { ttl: Math.min(untilExpiry, VERIFIED_FOR_MS) });
    return verified;
  }
}

import { LRUCache } from 'lru-cache';

/** What decides whether a user's access tokens are still honoured. */
export interface SessionState {
  readonly tokenVersion: number;
  readonly disabled: boolean;
}

/** Reads a user's session state; undefined when there is no such user. */
export type LoadSessionState = (userId: string) => Promise<SessionState | undefined>;

/** How long a process trusts the session state it read; a change made through this process is seen at once. */
export const SESSION_STATE_TTL_MS = 5_000;
const USERS_KEPT = 10_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a token's user still exists, is enabled and still has the token's version — asked on every
 * request, so the answer is kept briefly per user: a request costs a map look-up, and a process reads
 * the users table at most once per user every few seconds. Whoever changes a user calls `forget`,
 * so the change takes effect at once in this process (other API processes see it within the TTL).
 */
export class UserSessions {
  private readonly states: LRUCache<string, { state: SessionState | 'missing' }>;
  /** Raised by every `forget`: a read that started before a change is not kept. */
  private epoch = 0;

  constructor(
    private readonly load: LoadSessionState,
    ttlMs = SESSION_STATE_TTL_MS,
  ) {
    this.states = new LRUCache({ max: USERS_KEPT, ttl: ttlMs, ttlAutopurge: false });
  }

  async isCurrent(userId: string, tokenVersion: number): Promise<boolean> {
    const state = await this.stateOf(userId);
    return state !== undefined && !state.disabled && state.tokenVersion === tokenVersion;
  }

  /** The user changed (disabled, enabled, role, password): read it again on its next request. */
  forget(userId: string): void {
    this.epoch += 1;
    this.states.delete(userId);
  }

  private async stateOf(userId: string): Promise<SessionState | undefined> {
    const known = this.states.get(userId);
    if (known !== undefined) return known.state === 'missing' ? undefined : known.state;
    if (!UUID.test(userId)) return undefined;
    const epoch = this.epoch;
    const state = await this.load(userId);
    if (epoch === this.epoch) this.states.set(userId, { state: state ?? 'missing' });
    return state;
  }
}

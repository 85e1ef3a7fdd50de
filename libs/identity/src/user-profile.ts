import type { Role } from './roles';
import type { User } from './user.entity';

/** A user as everything outside the login path sees it: never the password hash. */
export interface UserProfile {
  readonly id: string;
  readonly username: string;
  readonly role: Role;
  readonly countyId: string | null;
  readonly townshipId: string | null;
  readonly department: string | null;
  readonly head: boolean;
  readonly createdAt: Date;
  readonly disabledAt: Date | null;
  /** Access tokens carry it; a token of another version is no longer honoured. */
  readonly tokenVersion: number;
}

export function toUserProfile(user: User): UserProfile {
  return {
    id: user.id,
    username: user.username,
    role: user.role,
    countyId: user.countyId,
    townshipId: user.townshipId,
    department: user.department,
    head: user.head,
    createdAt: user.createdAt,
    disabledAt: user.disabledAt,
    tokenVersion: user.tokenVersion,
  };
}

/** TypeORM `select` that leaves the password hash in the database. */
export const USER_PROFILE_COLUMNS = {
  id: true,
  username: true,
  role: true,
  countyId: true,
  townshipId: true,
  department: true,
  head: true,
  createdAt: true,
  disabledAt: true,
  tokenVersion: true,
} as const;

export function normalizeUsername(username: string): string {
  return username.toLowerCase();
}

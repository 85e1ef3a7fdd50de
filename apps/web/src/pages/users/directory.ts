import { api } from '../../api/endpoints';
import type { Role, Township } from '../../api/types';
import { usersApi, type ManagedUser } from '../../api/users';

export const ASSIGNABLE_ROLES: readonly Role[] = ['county_admin', 'department', 'township', 'auditor'];

export interface Directory {
  users: ManagedUser[];
  townships: Map<string, Township[]>;
}

/** The users of the caller's county (every county for the system admin), with the townships a role change may pick. */
export async function loadDirectory(): Promise<Directory> {
  const users = await usersApi.list();
  const counties = [...new Set(users.map((user) => user.countyId).filter((id): id is string => id !== null))];
  const townships = new Map(await Promise.all(counties.map(async (countyId) => [countyId, await api.townships(countyId)] as const)));
  return { users, townships };
}

/** The township a user belongs to, by name. */
export function townshipName(directory: Directory | undefined, user: ManagedUser): string | undefined {
  return user.countyId && user.townshipId
    ? directory?.townships.get(user.countyId)?.find((t) => t.id === user.townshipId)?.name
    : undefined;
}

export type UserDialog = { kind: 'role' | 'password'; user: ManagedUser } | undefined;

import type { Role } from './roles';

/** Who asks to change a user. */
export interface UserManager {
  readonly userId: string;
  readonly role: Role;
  readonly countyId: string | null;
}

/** The user to be changed. */
export interface ManagedUser {
  readonly id: string;
  readonly role: Role;
  readonly countyId: string | null;
}

export type UserChange = 'disable' | 'enable' | 'change-role' | 'reset-password';

export type UserChangeRefusal =
  | { readonly kind: 'forbidden'; readonly detail: string }
  | { readonly kind: 'conflict'; readonly slug: 'own-account' | 'admin-role-fixed'; readonly detail: string };

const OWN_ACCOUNT: Partial<Record<UserChange, string>> = {
  disable: 'You cannot disable your own login: ask another administrator',
  'change-role': 'You cannot change your own role: ask another administrator',
  'reset-password': 'Change your own password with your current one (POST /users/me/password)',
};

/**
 * Who may change a user: the system admin anyone; a county_admin the users of its own county but no
 * system admin; nobody else. Nobody disables, re-roles or resets the password of their own account,
 * and the system admin's role is not changed (it belongs to no county).
 */
export function userChangeRefusal(manager: UserManager, target: ManagedUser, change: UserChange): UserChangeRefusal | undefined {
  if (manager.role !== 'admin') {
    if (manager.role !== 'county_admin') return { kind: 'forbidden', detail: 'Only the system admin and county_admin manage users' };
    if (target.countyId !== manager.countyId)
      return { kind: 'forbidden', detail: 'A county_admin manages the users of its own county only' };
    if (target.role === 'admin') return { kind: 'forbidden', detail: 'A county_admin cannot change a system admin' };
  }
  const own = OWN_ACCOUNT[change];
  if (target.id === manager.userId && own !== undefined) return { kind: 'conflict', slug: 'own-account', detail: own };
  if (change === 'change-role' && target.role === 'admin')
    return { kind: 'conflict', slug: 'admin-role-fixed', detail: 'The system admin belongs to no county; its role is not changed' };
  return undefined;
}

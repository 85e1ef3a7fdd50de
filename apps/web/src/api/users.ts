import { http } from './http';
import type { ChangeRole, LoginResponse, User } from './types';

/** A user as the API lists it (never a password). */
export type ManagedUser = User;
export type RoleChange = ChangeRole;

/** The users' lifecycle: list, disable / enable, change role, reset a password, change one's own. */
export const usersApi = {
  list: (countyId?: string) => http.get<ManagedUser[]>('/users', { query: { countyId } }),
  disable: (userId: string) => http.post<ManagedUser>(`/users/${userId}/disable`),
  enable: (userId: string) => http.post<ManagedUser>(`/users/${userId}/enable`),
  changeRole: (userId: string, change: RoleChange) => http.put<ManagedUser>(`/users/${userId}/role`, change),
  resetPassword: (userId: string, password: string) => http.post<void>(`/users/${userId}/password-reset`, { password }),
  changeOwnPassword: (currentPassword: string, newPassword: string) =>
    http.post<LoginResponse>('/users/me/password', { currentPassword, newPassword }),
};

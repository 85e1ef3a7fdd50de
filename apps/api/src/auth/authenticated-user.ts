import type { Role } from '@fangquan/identity';

export { ROLES, type Role } from '@fangquan/identity';

/** Who is calling, as read from a verified access token. */
export interface AuthenticatedUser {
  readonly userId: string;
  readonly username: string;
  readonly role: Role;
  /** Every user but the system admin belongs to one county; nothing crosses counties. */
  readonly countyId: string | null;
  /** Township users only. */
  readonly townshipId: string | null;
  /** Department users only: the department (e.g. 市场监管局) they act for. */
  readonly department: string | null;
  readonly head: boolean;
}

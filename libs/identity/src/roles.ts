/** The roles of the platform (see PRODUCT.md "Who uses it"). */
export const ROLES = ['admin', 'county_admin', 'department', 'township', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

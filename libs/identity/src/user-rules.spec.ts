import { userChangeRefusal, type ManagedUser, type UserManager } from './user-rules';

const COUNTY = 'c0000000-0000-4000-8000-000000000001';
const OTHER_COUNTY = 'c0000000-0000-4000-8000-000000000002';
const admin: UserManager = { userId: 'a', role: 'admin', countyId: null };
const countyAdmin: UserManager = { userId: 'b', role: 'county_admin', countyId: COUNTY };
const officer: ManagedUser = { id: 't', role: 'township', countyId: COUNTY };

describe('userChangeRefusal', () => {
  it('lets the system admin change anyone else, and a county_admin the users of its county', () => {
    for (const change of ['disable', 'enable', 'change-role', 'reset-password'] as const) {
      expect(userChangeRefusal(admin, officer, change)).toBeUndefined();
      expect(userChangeRefusal(countyAdmin, officer, change)).toBeUndefined();
      expect(userChangeRefusal(countyAdmin, { id: 'x', role: 'county_admin', countyId: COUNTY }, change)).toBeUndefined();
    }
  });

  it('keeps a county_admin to its own county and away from system admins', () => {
    expect(userChangeRefusal(countyAdmin, { ...officer, countyId: OTHER_COUNTY }, 'disable')).toMatchObject({ kind: 'forbidden' });
    expect(userChangeRefusal(countyAdmin, { id: 'z', role: 'admin', countyId: null }, 'reset-password')).toMatchObject({
      kind: 'forbidden',
    });
    expect(userChangeRefusal({ userId: 'd', role: 'department', countyId: COUNTY }, officer, 'disable')).toMatchObject({
      kind: 'forbidden',
    });
  });

  it('refuses changes to one’s own account but enabling, and any change of the system admin’s role', () => {
    const self: ManagedUser = { id: countyAdmin.userId, role: 'county_admin', countyId: COUNTY };
    expect(userChangeRefusal(countyAdmin, self, 'disable')).toMatchObject({ kind: 'conflict', slug: 'own-account' });
    expect(userChangeRefusal(countyAdmin, self, 'change-role')).toMatchObject({ kind: 'conflict', slug: 'own-account' });
    expect(userChangeRefusal(countyAdmin, self, 'reset-password')).toMatchObject({ kind: 'conflict', slug: 'own-account' });
    expect(userChangeRefusal(admin, { id: 'other-admin', role: 'admin', countyId: null }, 'change-role')).toMatchObject({
      slug: 'admin-role-fixed',
    });
    expect(userChangeRefusal(admin, { id: 'other-admin', role: 'admin', countyId: null }, 'disable')).toBeUndefined();
  });
});

import { County } from './county.entity';
import { IdentitySchema1732400000000 } from './migrations/1732400000000-identity-schema';
import { UserLifecycle1765200000000 } from './migrations/1765200000000-user-lifecycle';
import { Township } from './township.entity';
import { User } from './user.entity';

export * from './roles';
export * from './county.entity';
export * from './township.entity';
export * from './user.entity';
export * from './user-profile';
export * from './password-hasher';
export * from './user-directory.service';
export * from './identity.module';
export { IdentitySchema1732400000000 } from './migrations/1732400000000-identity-schema';

export const identityEntities = [County, Township, User];
export const identityMigrations = [IdentitySchema1732400000000, UserLifecycle1765200000000];
export * from './user-rules';

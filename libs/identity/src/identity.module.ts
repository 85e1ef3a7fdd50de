import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { County } from './county.entity';
import { PasswordHasher } from './password-hasher';
import { Township } from './township.entity';
import { UserDirectory } from './user-directory.service';
import { User } from './user.entity';

/** Counties, townships and users for any process (API or worker); needs the root TypeOrmModule. */
@Module({
  imports: [TypeOrmModule.forFeature([County, Township, User])],
  providers: [UserDirectory, PasswordHasher],
  exports: [UserDirectory, PasswordHasher, TypeOrmModule],
})
export class IdentityModule {}

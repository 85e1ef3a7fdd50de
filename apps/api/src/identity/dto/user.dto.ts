import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '../../auth/authenticated-user';
import { lowerCaseString, trimString } from './transforms';

export const USERNAME_PATTERN = /^[a-z0-9_.-]{3,64}$/;
export const MIN_PASSWORD_LENGTH = 8;

export class CreateUserDto {
  @ApiProperty({ example: 'anchang.chen', pattern: '^[a-z0-9_.-]{3,64}$', description: 'Case-insensitive; stored lower-case' })
  @Transform(lowerCaseString)
  @IsString()
  @Matches(USERNAME_PATTERN, { message: 'username must be 3 to 64 characters of a-z, 0-9, _ . -' })
  username!: string;

  @ApiProperty({ format: 'password', minLength: MIN_PASSWORD_LENGTH, maxLength: 1024 })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(1024)
  password!: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Required for every role but admin; a county_admin caller defaults it to its own county',
  })
  @IsOptional()
  @IsUUID('all')
  countyId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for (and only for) role township: a township of that county' })
  @IsOptional()
  @IsUUID('all')
  townshipId?: string;

  @ApiPropertyOptional({ example: '市场监管局', maxLength: 100, description: 'Required for (and only for) role department' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  department?: string;

  @ApiPropertyOptional({
    default: false,
    description: 'Head (负责人) of a county office, department or township: escalated reminders go to heads too',
  })
  @IsOptional()
  @IsBoolean()
  head?: boolean;
}

/** A user as the API shows it: never the password or its hash. */
export class UserDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'anchang.chen' })
  username!: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  role!: Role;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  countyId!: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  townshipId!: string | null;

  @ApiProperty({ nullable: true, type: String })
  department!: string | null;

  @ApiProperty()
  head!: boolean;

  @ApiProperty({ description: 'A disabled user cannot log in, and its tokens are no longer honoured' })
  disabled!: boolean;
}

export class UsersQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this county’s users (a county_admin may name only its own)' })
  @IsOptional()
  @IsUUID('all')
  countyId?: string;
}

/** A new role, with what that role needs (township users a township, department users a department); not admin. */
export class ChangeRoleDto extends PickType(CreateUserDto, ['role', 'townshipId', 'department'] as const) {
  @ApiPropertyOptional({ description: 'Head (负责人) in the new role; unchanged when left out' })
  @IsOptional()
  @IsBoolean()
  head?: boolean;
}

export class ResetPasswordDto {
  @ApiProperty({ format: 'password', minLength: MIN_PASSWORD_LENGTH, maxLength: 1024, description: 'The user’s new password' })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(1024)
  password!: string;
}

export class ChangeOwnPasswordDto {
  @ApiProperty({ format: 'password', maxLength: 1024 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  currentPassword!: string;

  @ApiProperty({ format: 'password', minLength: MIN_PASSWORD_LENGTH, maxLength: 1024 })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(1024)
  newPassword!: string;
}

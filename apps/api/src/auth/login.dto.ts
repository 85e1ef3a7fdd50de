import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ROLES, type Role } from './authenticated-user';

export class LoginDto {
  @ApiProperty({ example: 'admin', maxLength: 64, description: 'Case-insensitive' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  username!: string;

  @ApiProperty({ format: 'password', maxLength: 1024 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  password!: string;
}

export class LoginUserDto {
  @ApiProperty({ example: 'admin' })
  username!: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  role!: Role;

  @ApiPropertyOptional({ format: 'uuid', description: 'Every user but the system admin' })
  countyId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Township users only' })
  townshipId?: string;

  @ApiPropertyOptional({ description: 'Department users only' })
  department?: string;

  @ApiProperty()
  head!: boolean;
}

export class LoginResponseDto {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <accessToken>`; valid for 12 hours' })
  accessToken!: string;

  @ApiProperty({ type: LoginUserDto })
  user!: LoginUserDto;
}

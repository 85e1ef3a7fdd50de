import { Body, Controller, Get, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CreateUserDto, UserDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('identity')
@ApiBearerAuth()
@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post('users')
  @Roles('admin', 'county_admin')
  @ApiOperation({ summary: 'Create a user (admin: anyone; county_admin: users of its own county, never an admin)' })
  @ApiCreatedResponse({ type: UserDto })
  @ApiForbiddenResponse()
  @ApiConflictResponse({ description: 'The username is taken' })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateUserDto): Promise<UserDto> {
    return this.users.create(user, body);
  }

  @Get('users')
  @Roles('admin', 'county_admin')
  @ApiOperation({ summary: 'Users: all for the system admin, the county’s for a county_admin' })
  @ApiOkResponse({ type: UserDto, isArray: true })
  list(@CurrentUser() user: AuthenticatedUser): Promise<UserDto[]> {
    return this.users.list(user);
  }

  @Get('me')
  @ApiOperation({ summary: 'The caller' })
  @ApiOkResponse({ type: UserDto })
  me(@CurrentUser() user: AuthenticatedUser): Promise<UserDto> {
    return this.users.me(user);
  }
}

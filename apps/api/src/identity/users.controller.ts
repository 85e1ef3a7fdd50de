import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { LoginResponseDto } from '../auth/login.dto';
import { UuidParamPipe } from '../http/uuid-param.pipe';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ChangeOwnPasswordDto, ChangeRoleDto, CreateUserDto, ResetPasswordDto, UserDto, UsersQuery } from './dto/user.dto';
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
  @ApiOperation({ summary: 'Users: all (or one county’s) for the system admin, the county’s for a county_admin' })
  @ApiOkResponse({ type: UserDto, isArray: true })
  @ApiForbiddenResponse({ description: 'A county_admin naming another county' })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: UsersQuery): Promise<UserDto[]> {
    return this.users.list(user, query.countyId);
  }

  @Post('users/me/password')
  @HttpCode(200)
  @ApiOperation({ summary: 'Change one’s own password, giving the current one; other sessions end, the answer carries a new token' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiBadRequestResponse({ description: 'currentPassword is wrong (`/problems/wrong-password`), or the new one too short' })
  changeOwnPassword(@CurrentUser() user: AuthenticatedUser, @Body() body: ChangeOwnPasswordDto): Promise<LoginResponseDto> {
    return this.users.changeOwnPassword(user, body.currentPassword, body.newPassword);
  }

  @Get('users/:userId')
  @Roles('admin', 'county_admin')
  @ApiOperation({ summary: 'One user (admin; county_admin: users of its county)' })
  @ApiOkResponse({ type: UserDto })
  @ApiNotFoundResponse()
  get(@CurrentUser() user: AuthenticatedUser, @Param('userId', new UuidParamPipe('userId')) userId: string): Promise<UserDto> {
    return this.users.get(user, userId);
  }

  @Post('users/:userId/disable')
  @HttpCode(200)
  @Roles('admin', 'county_admin')
  @ApiOperation({ summary: 'Disable a login (a departed officer): no more logins, and its tokens stop working at once' })
  @ApiOkResponse({ type: UserDto })
  @ApiNotFoundResponse()
  @ApiForbiddenResponse({ description: 'A county_admin and a user of another county, or a system admin' })
  @ApiConflictResponse({ description: 'One’s own login (`/problems/own-account`)' })
  disable(@CurrentUser() user: AuthenticatedUser, @Param('userId', new UuidParamPipe('userId')) userId: string): Promise<UserDto> {
    return this.users.disable(user, userId);
  }

  @Post('users/:userId/enable')
  @HttpCode(200)
  @Roles('admin', 'county_admin')
  @ApiOperation({ summary: 'Enable a disabled login again' })
  @ApiOkResponse({ type: UserDto })
  @ApiNotFoundResponse()
  @ApiForbiddenResponse()
  enable(@CurrentUser() user: AuthenticatedUser, @Param('userId', new UuidParamPipe('userId')) userId: string): Promise<UserDto> {
    return this.users.enable(user, userId);
  }

  @Put('users/:userId/role')
  @Roles('admin', 'county_admin')
  @ApiOperation({ summary: 'Change a user’s role within its county; its tokens stop working, it logs in again in the new role' })
  @ApiOkResponse({ type: UserDto })
  @ApiBadRequestResponse({ description: 'role admin, or what the role needs (townshipId, department) missing or extra' })
  @ApiNotFoundResponse()
  @ApiForbiddenResponse()
  @ApiConflictResponse({ description: 'One’s own role (`/problems/own-account`), or the system admin’s (`/problems/admin-role-fixed`)' })
  changeRole(
    @CurrentUser() user: AuthenticatedUser,
    @Param('userId', new UuidParamPipe('userId')) userId: string,
    @Body() body: ChangeRoleDto,
  ): Promise<UserDto> {
    return this.users.changeRole(user, userId, body);
  }

  @Post('users/:userId/password-reset')
  @HttpCode(204)
  @Roles('admin', 'county_admin')
  @ApiOperation({ summary: 'Set a user’s password (a forgotten one); its tokens stop working' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  @ApiForbiddenResponse()
  @ApiConflictResponse({ description: 'One’s own password: change it with the current one (`/problems/own-account`)' })
  resetPassword(
    @CurrentUser() user: AuthenticatedUser,
    @Param('userId', new UuidParamPipe('userId')) userId: string,
    @Body() body: ResetPasswordDto,
  ): Promise<void> {
    return this.users.resetPassword(user, userId, body.password);
  }

  @Get('me')
  @ApiOperation({ summary: 'The caller' })
  @ApiOkResponse({ type: UserDto })
  me(@CurrentUser() user: AuthenticatedUser): Promise<UserDto> {
    return this.users.me(user);
  }
}

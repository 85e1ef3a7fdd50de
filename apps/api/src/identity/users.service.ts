import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { Repository } from 'typeorm';
import {
  County,
  PasswordHasher,
  Township,
  User,
  USER_PROFILE_COLUMNS,
  toUserProfile,
  userChangeRefusal,
  type UserChange,
  type UserProfile,
} from '@fangquan/identity';
import { CLOCK, type Clock } from '@fangquan/platform';
import { requireOwnCounty } from '../auth/access';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { FieldError } from '../http/problem';
import { problem, ProblemException } from '../http/problem';
import { unauthorized } from '../auth/jwt-auth.guard';
import { isUniqueViolation } from './db-errors';
import type { ChangeRoleDto, CreateUserDto, UserDto } from './dto/user.dto';
import { AuthService } from '../auth/auth.service';
import type { LoginResponseDto } from '../auth/login.dto';
import { UserSessions } from '../auth/user-sessions';

type UserUpdate = Partial<Pick<User, 'disabledAt' | 'role' | 'townshipId' | 'department' | 'head' | 'passwordHash'>> & {
  /** Whether the change ends the user's sessions (raises its token version). */
  readonly endsSessions: boolean;
};

export function toUserDto(user: UserProfile): UserDto {
  return {
    id: user.id,
    username: user.username,
    role: user.role,
    countyId: user.countyId,
    townshipId: user.townshipId,
    department: user.department,
    head: user.head,
    disabled: user.disabledAt !== null,
  };
}

/** The role rules that need no database: which of countyId, townshipId, department a role has. */
function shapeErrors(
  role: CreateUserDto['role'],
  countyId: string | undefined,
  body: Pick<CreateUserDto, 'townshipId' | 'department'>,
): FieldError[] {
  const errors: FieldError[] = [];
  if (role === 'admin') {
    if (countyId !== undefined) errors.push({ field: 'countyId', message: 'the system admin belongs to no county' });
  } else if (countyId === undefined) {
    errors.push({ field: 'countyId', message: `countyId is required for role ${role}` });
  }
  if (role === 'township' && body.townshipId === undefined)
    errors.push({ field: 'townshipId', message: 'townshipId is required for role township' });
  if (role !== 'township' && body.townshipId !== undefined)
    errors.push({ field: 'townshipId', message: 'only township users belong to a township' });
  if (role === 'department' && body.department === undefined)
    errors.push({ field: 'department', message: 'department is required for role department' });
  if (role !== 'department' && body.department !== undefined)
    errors.push({ field: 'department', message: 'only department users act for a department' });
  return errors;
}

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(County) private readonly counties: Repository<County>,
    @InjectRepository(Township) private readonly townships: Repository<Township>,
    private readonly hasher: PasswordHasher,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly sessions: UserSessions,
    private readonly auth: AuthService,
  ) {}

  /** admin: anyone; county_admin: users of its own county (its county by default), never an admin. */
  async create(caller: AuthenticatedUser, body: CreateUserDto): Promise<UserDto> {
    let countyId = body.countyId;
    if (caller.role === 'county_admin') {
      if (body.role === 'admin') throw ProblemException.forbidden('A county_admin cannot create a system admin');
      countyId ??= caller.countyId ?? undefined;
      if (countyId !== caller.countyId) throw ProblemException.forbidden('A county_admin creates users of its own county only');
    }
    const errors = shapeErrors(body.role, countyId, body);
    if (errors.length === 0 && countyId !== undefined && !(await this.counties.existsBy({ id: countyId }))) {
      errors.push({ field: 'countyId', message: `no county ${countyId}` });
    }
    if (errors.length === 0 && body.townshipId !== undefined && !(await this.townships.existsBy({ id: body.townshipId, countyId }))) {
      errors.push({ field: 'townshipId', message: 'no such township in that county' });
    }
    if (errors.length > 0) throw ProblemException.badRequest(errors);
    if (await this.users.existsBy({ username: body.username })) throw this.duplicate(body.username);
    const user: User = {
      id: randomUUID(),
      username: body.username,
      passwordHash: await this.hasher.hash(body.password),
      role: body.role,
      countyId: countyId ?? null,
      townshipId: body.townshipId ?? null,
      department: body.department ?? null,
      head: body.head ?? false,
      createdAt: this.clock.now(),
      disabledAt: null,
      tokenVersion: 1,
    };
    try {
      await this.users.insert(user);
    } catch (error) {
      if (isUniqueViolation(error)) throw this.duplicate(body.username);
      throw error;
    }
    return toUserDto(user);
  }

  /** admin: every user (or one county's); county_admin: the users of its county. */
  async list(caller: AuthenticatedUser, countyId?: string): Promise<UserDto[]> {
    if (caller.role !== 'admin' && countyId !== undefined && countyId !== caller.countyId)
      throw ProblemException.forbidden('A county_admin lists the users of its own county only');
    const where = caller.role === 'admin' ? (countyId === undefined ? {} : { countyId }) : { countyId: requireOwnCounty(caller) };
    const users = await this.users.find({ select: USER_PROFILE_COLUMNS, where, order: { username: 'ASC' } });
    return users.map(toUserDto);
  }

  async me(caller: AuthenticatedUser): Promise<UserDto> {
    const user = await this.users.findOne({ select: USER_PROFILE_COLUMNS, where: { id: caller.userId } });
    if (!user) throw unauthorized('The user of this token no longer exists');
    return toUserDto(user);
  }

  async get(caller: AuthenticatedUser, userId: string): Promise<UserDto> {
    const user = await this.users.findOne({ select: USER_PROFILE_COLUMNS, where: { id: userId } });
    if (!user || (caller.role !== 'admin' && user.countyId !== caller.countyId)) throw ProblemException.notFound(`No user ${userId}`);
    return toUserDto(user);
  }

  /** Disables a login: the user cannot log in, and every token it holds stops working at once. */
  disable(caller: AuthenticatedUser, userId: string): Promise<UserDto> {
    return this.change(caller, userId, 'disable', (user) =>
      user.disabledAt === null ? { disabledAt: this.clock.now(), endsSessions: true } : undefined,
    );
  }

  enable(caller: AuthenticatedUser, userId: string): Promise<UserDto> {
    return this.change(caller, userId, 'enable', (user) =>
      user.disabledAt === null ? undefined : { disabledAt: null, endsSessions: true },
    );
  }

  /** A new role (and what it needs) within the user's county; the user logs in again to act in it. */
  async changeRole(caller: AuthenticatedUser, userId: string, body: ChangeRoleDto): Promise<UserDto> {
    if (body.role === 'admin')
      throw ProblemException.badRequest([{ field: 'role', message: 'the system admin role is not given by a role change' }]);
    return this.change(caller, userId, 'change-role', async (user) => {
      const errors = shapeErrors(body.role, user.countyId ?? undefined, body);
      if (
        errors.length === 0 &&
        body.townshipId !== undefined &&
        !(await this.townships.existsBy({ id: body.townshipId, countyId: user.countyId ?? undefined }))
      )
        errors.push({ field: 'townshipId', message: 'no such township in the user’s county' });
      if (errors.length > 0) throw ProblemException.badRequest(errors);
      return {
        role: body.role,
        townshipId: body.townshipId ?? null,
        department: body.department ?? null,
        head: body.head ?? user.head,
        endsSessions: true,
      };
    });
  }

  /** Sets a user's password (a forgotten one); its sessions end. */
  async resetPassword(caller: AuthenticatedUser, userId: string, password: string): Promise<void> {
    const passwordHash = await this.hasher.hash(password);
    await this.change(caller, userId, 'reset-password', () => ({ passwordHash, endsSessions: true }));
  }

  /** The caller's own password, given the current one; its other sessions end and it gets a new token. */
  async changeOwnPassword(caller: AuthenticatedUser, currentPassword: string, newPassword: string): Promise<LoginResponseDto> {
    const user = await this.users.findOneBy({ id: caller.userId });
    if (!user) throw unauthorized('The user of this token no longer exists');
    if (!(await this.hasher.verify(currentPassword, user.passwordHash)))
      throw new ProblemException(
        problem(
          400,
          'The current password is wrong',
          { errors: [{ field: 'currentPassword', code: 'wrong-password', message: 'is not your current password' }] },
          'wrong-password',
        ),
      );
    const passwordHash = await this.hasher.hash(newPassword);
    const tokenVersion = user.tokenVersion + 1;
    const { affected } = await this.users.update({ id: user.id, tokenVersion: user.tokenVersion }, { passwordHash, tokenVersion });
    this.sessions.forget(user.id);
    if (affected !== 1) throw ProblemException.conflict('Your account changed meanwhile; log in again', 'user-changed');
    return this.auth.issue(toUserProfile({ ...user, passwordHash, tokenVersion }));
  }

  /**
   * Loads the user, checks who may make this change, and writes what `decide` returns (nothing when it
   * returns undefined: the change is already in place). Every change that ends sessions raises the
   * token version in the same statement, guarded by the version read (a concurrent change is a 409).
   */
  private async change(
    caller: AuthenticatedUser,
    userId: string,
    kind: UserChange,
    decide: (user: User) => UserUpdate | undefined | Promise<UserUpdate | undefined>,
  ): Promise<UserDto> {
    const user = await this.users.findOneBy({ id: userId });
    if (!user || (caller.role !== 'admin' && user.countyId !== caller.countyId)) throw ProblemException.notFound(`No user ${userId}`);
    const refusal = userChangeRefusal(caller, user, kind);
    if (refusal?.kind === 'forbidden') throw ProblemException.forbidden(refusal.detail);
    if (refusal?.kind === 'conflict') throw ProblemException.conflict(refusal.detail, refusal.slug);
    const update = await decide(user);
    if (update === undefined) return toUserDto(user);
    const { endsSessions, ...columns } = update;
    const tokenVersion = endsSessions ? user.tokenVersion + 1 : user.tokenVersion;
    const { affected } = await this.users.update({ id: user.id, tokenVersion: user.tokenVersion }, { ...columns, tokenVersion });
    this.sessions.forget(user.id);
    if (affected !== 1) throw ProblemException.conflict('The user changed meanwhile; reload and try again', 'user-changed');
    return toUserDto({ ...user, ...columns, tokenVersion });
  }

  private duplicate(username: string): ProblemException {
    return ProblemException.conflict(`The username "${username}" is taken`, 'duplicate-username');
  }
}

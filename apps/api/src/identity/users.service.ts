import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { Repository } from 'typeorm';
import { County, PasswordHasher, Township, User, USER_PROFILE_COLUMNS, type UserProfile } from '@fangquan/identity';
import { CLOCK, type Clock } from '@fangquan/platform';
import { requireOwnCounty } from '../auth/access';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { FieldError } from '../http/problem';
import { ProblemException } from '../http/problem';
import { unauthorized } from '../auth/jwt-auth.guard';
import { isUniqueViolation } from './db-errors';
import type { CreateUserDto, UserDto } from './dto/user.dto';

export function toUserDto(user: UserProfile): UserDto {
  return {
    id: user.id,
    username: user.username,
    role: user.role,
    countyId: user.countyId,
    townshipId: user.townshipId,
    department: user.department,
    head: user.head,
  };
}

/** The role rules that need no database: which of countyId, townshipId, department a role has. */
function shapeErrors(role: CreateUserDto['role'], countyId: string | undefined, body: CreateUserDto): FieldError[] {
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
    };
    try {
      await this.users.insert(user);
    } catch (error) {
      if (isUniqueViolation(error)) throw this.duplicate(body.username);
      throw error;
    }
    return toUserDto(user);
  }

  /** admin: every user; county_admin: the users of its county. */
  async list(caller: AuthenticatedUser): Promise<UserDto[]> {
    const where = caller.role === 'admin' ? {} : { countyId: requireOwnCounty(caller) };
    const users = await this.users.find({ select: USER_PROFILE_COLUMNS, where, order: { username: 'ASC' } });
    return users.map(toUserDto);
  }

  async me(caller: AuthenticatedUser): Promise<UserDto> {
    const user = await this.users.findOne({ select: USER_PROFILE_COLUMNS, where: { id: caller.userId } });
    if (!user) throw unauthorized('The user of this token no longer exists');
    return toUserDto(user);
  }

  private duplicate(username: string): ProblemException {
    return ProblemException.conflict(`The username "${username}" is taken`, 'duplicate-username');
  }
}

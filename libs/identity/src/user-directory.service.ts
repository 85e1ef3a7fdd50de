import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type FindOptionsWhere, type Repository } from 'typeorm';
import { County } from './county.entity';
import type { Role } from './roles';
import { Township } from './township.entity';
import { normalizeUsername, USER_PROFILE_COLUMNS, type UserProfile } from './user-profile';
import { User } from './user.entity';

/** Which heads (负责人) to find within a county. */
export interface HeadScope {
  readonly role?: Role;
  readonly department?: string;
  readonly townshipId?: string;
}

/**
 * Read-only look-ups of counties, townships and users: who to remind, who works where.
 * Every result is ordered by username so that callers (and tests) see a stable order.
 */
@Injectable()
export class UserDirectory {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(County) private readonly counties: Repository<County>,
    @InjectRepository(Township) private readonly townships: Repository<Township>,
  ) {}

  findUser(id: string): Promise<UserProfile | null> {
    return this.users.findOne({ select: USER_PROFILE_COLUMNS, where: { id } });
  }

  findUserByUsername(username: string): Promise<UserProfile | null> {
    return this.users.findOne({ select: USER_PROFILE_COLUMNS, where: { username: normalizeUsername(username) } });
  }

  /** Users of a county with a given role (e.g. every `county_admin` of the county office). */
  usersOfCounty(countyId: string, role: Role): Promise<UserProfile[]> {
    return this.list({ countyId, role });
  }

  /** The users acting for one department (e.g. 市场监管局) of a county. */
  departmentUsers(countyId: string, department: string): Promise<UserProfile[]> {
    return this.list({ countyId, role: 'department', department });
  }

  /** The users of one township (its team's people). */
  townshipUsers(townshipId: string): Promise<UserProfile[]> {
    return this.list({ role: 'township', townshipId });
  }

  /** Heads within a county, optionally narrowed to a role, a department or a township. */
  heads(countyId: string, scope: HeadScope = {}): Promise<UserProfile[]> {
    const where: FindOptionsWhere<User> = { countyId, head: true };
    if (scope.role) where.role = scope.role;
    if (scope.department !== undefined) where.department = scope.department;
    if (scope.townshipId !== undefined) where.townshipId = scope.townshipId;
    return this.list(where);
  }

  /** Heads of the county's coordinating office: where escalated reminders go. */
  countyOfficeHeads(countyId: string): Promise<UserProfile[]> {
    return this.heads(countyId, { role: 'county_admin' });
  }

  findCounty(id: string): Promise<County | null> {
    return this.counties.findOneBy({ id });
  }

  findTownship(id: string): Promise<Township | null> {
    return this.townships.findOneBy({ id });
  }

  /** The township whose enforcement team this is. */
  findTownshipByTeam(teamId: string): Promise<Township | null> {
    return this.townships.findOneBy({ teamId });
  }

  townshipsOfCounty(countyId: string): Promise<Township[]> {
    return this.townships.find({ where: { countyId }, order: { name: 'ASC' } });
  }

  /** Enabled users only: a disabled login (a departed officer) is reminded of nothing. */
  private list(where: FindOptionsWhere<User>): Promise<UserProfile[]> {
    return this.users.find({ select: USER_PROFILE_COLUMNS, where: { ...where, disabledAt: IsNull() }, order: { username: 'ASC' } });
  }
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import type { Repository } from 'typeorm';
import { normalizeUsername, PasswordHasher, toUserProfile, User, type UserProfile } from '@fangquan/identity';
import { problem, ProblemException } from '../http/problem';
import { AccessTokenService } from './access-token.service';
import { unauthorized } from './jwt-auth.guard';
import type { LoginResponseDto, LoginUserDto } from './login.dto';

/** One answer for an unknown user and a wrong password, so that usernames cannot be probed. */
const BAD_CREDENTIALS = 'Invalid username or password';

@Injectable()
export class AuthService {
  private dummyHash: Promise<string> | undefined;

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly hasher: PasswordHasher,
    private readonly tokens: AccessTokenService,
  ) {}

  async login(username: string, password: string): Promise<LoginResponseDto> {
    const user = await this.users.findOneBy({ username: normalizeUsername(username) });
    // An unknown user costs one scrypt as well, so response times do not tell which usernames exist.
    const valid = user ? await this.hasher.verify(password, user.passwordHash) : await this.verifyAgainstDummy(password);
    if (!user || !valid) throw unauthorized(BAD_CREDENTIALS);
    if (user.disabledAt !== null)
      throw new ProblemException(problem(401, 'This login is disabled; ask your administrator', {}, 'account-disabled'));
    return this.issue(toUserProfile(user));
  }

  /** A new access token for a user, as the login answers it. */
  async issue(profile: UserProfile): Promise<LoginResponseDto> {
    const loginUser: LoginUserDto = { username: profile.username, role: profile.role, head: profile.head };
    if (profile.countyId) loginUser.countyId = profile.countyId;
    if (profile.townshipId) loginUser.townshipId = profile.townshipId;
    if (profile.department) loginUser.department = profile.department;
    return { accessToken: await this.tokens.sign(profile), user: loginUser };
  }

  private async verifyAgainstDummy(password: string): Promise<false> {
    this.dummyHash ??= this.hasher.hash(randomBytes(16).toString('hex'));
    await this.hasher.verify(password, await this.dummyHash);
    return false;
  }
}

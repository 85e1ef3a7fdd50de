import { JwtService } from '@nestjs/jwt';
import type { UserProfile } from '@fangquan/identity';
import { AccessTokenService } from './access-token.service';
import { UserSessions, type SessionState } from './user-sessions';

const user: UserProfile = {
  id: '5b0c3f5e-8d3c-4a0e-9a34-1f6f3c2b9d11',
  username: 'county-office',
  role: 'county_admin',
  countyId: '0f8e4c1a-2b6d-4e8f-9a1b-3c5d7e9f1a2b',
  townshipId: null,
  department: null,
  head: true,
  createdAt: new Date('2026-01-05T08:00:00Z'),
  disabledAt: null,
  tokenVersion: 1,
};

/** The users table as the token service sees it, in memory. */
function sessionsOf(states: Map<string, SessionState>): UserSessions {
  return new UserSessions((userId) => Promise.resolve(states.get(userId)));
}

const current = (): UserSessions => sessionsOf(new Map([[user.id, { tokenVersion: 1, disabled: false }]]));

describe('AccessTokenService', () => {
  it('verifies a token to its user, again and again, and refuses a tampered one', async () => {
    const service = new AccessTokenService(new JwtService({ secret: 'unit-secret', signOptions: { expiresIn: 60 } }), current());
    const token = await service.sign(user);
    const expected = {
      userId: user.id,
      username: user.username,
      role: 'county_admin',
      countyId: user.countyId,
      townshipId: null,
      department: null,
      head: true,
    };
    expect(await service.verify(token)).toEqual(expected);
    expect(await service.verify(token)).toEqual(expected);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'admin' })).toString(
      'base64url',
    );
    expect(await service.verify(`${header}.${forged}.${signature}`)).toBeUndefined();
    expect(await service.verify(`${header}.${payload}.${signature.slice(0, -2)}xx`)).toBeUndefined();
  });

  it('stops accepting a verified token once it expires', async () => {
    const service = new AccessTokenService(new JwtService({ secret: 'unit-secret', signOptions: { expiresIn: 1 } }), current());
    const token = await service.sign(user);
    expect(await service.verify(token)).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(await service.verify(token)).toBeUndefined();
  });

  it('refuses a token signed with another secret', async () => {
    const other = await new AccessTokenService(new JwtService({ secret: 'other-secret' }), current()).sign(user);
    expect(await new AccessTokenService(new JwtService({ secret: 'unit-secret' }), current()).verify(other)).toBeUndefined();
  });

  it('stops honouring a token once its user is disabled, changed or gone, as soon as the change is told', async () => {
    const states = new Map<string, SessionState>([[user.id, { tokenVersion: 1, disabled: false }]]);
    const sessions = sessionsOf(states);
    const service = new AccessTokenService(new JwtService({ secret: 'unit-secret', signOptions: { expiresIn: 60 } }), sessions);
    const token = await service.sign(user);
    expect(await service.verify(token)).toBeDefined();
    states.set(user.id, { tokenVersion: 1, disabled: true });
    sessions.forget(user.id);
    expect(await service.verify(token)).toBeUndefined();
    states.set(user.id, { tokenVersion: 2, disabled: false });
    sessions.forget(user.id);
    expect(await service.verify(token)).toBeUndefined();
    expect(await service.verify(await service.sign({ ...user, tokenVersion: 2 }))).toBeDefined();
    states.delete(user.id);
    sessions.forget(user.id);
    expect(await service.verify(token)).toBeUndefined();
  });
});

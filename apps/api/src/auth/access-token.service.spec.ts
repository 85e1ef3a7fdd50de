import { JwtService } from '@nestjs/jwt';
import type { UserProfile } from '@fangquan/identity';
import { AccessTokenService } from './access-token.service';

const user: UserProfile = {
  id: '5b0c3f5e-8d3c-4a0e-9a34-1f6f3c2b9d11',
  username: 'county-office',
  role: 'county_admin',
  countyId: '0f8e4c1a-2b6d-4e8f-9a1b-3c5d7e9f1a2b',
  townshipId: null,
  department: null,
  head: true,
  createdAt: new Date('2026-01-05T08:00:00Z'),
};

describe('AccessTokenService', () => {
  it('verifies a token to its user, again and again, and refuses a tampered one', async () => {
    const service = new AccessTokenService(new JwtService({ secret: 'unit-secret', signOptions: { expiresIn: 60 } }));
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
    const service = new AccessTokenService(new JwtService({ secret: 'unit-secret', signOptions: { expiresIn: 1 } }));
    const token = await service.sign(user);
    expect(await service.verify(token)).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(await service.verify(token)).toBeUndefined();
  });

  it('refuses a token signed with another secret', async () => {
    const other = await new AccessTokenService(new JwtService({ secret: 'other-secret' })).sign(user);
    expect(await new AccessTokenService(new JwtService({ secret: 'unit-secret' })).verify(other)).toBeUndefined();
  });
});

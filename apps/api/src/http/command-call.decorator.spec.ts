import type { AuthenticatedRequest } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { commandCallOf } from './command-call.decorator';
import { ProblemException } from './problem';

const department: AuthenticatedUser = {
  userId: 'u-1',
  username: 'zy.sc',
  role: 'department',
  countyId: 'county-zhanyi',
  townshipId: null,
  department: '市场监管局',
  head: false,
};

function request(headers: Record<string, string>, user: AuthenticatedUser | undefined = department): AuthenticatedRequest {
  const lower = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  return { headers: lower, header: (name: string) => lower[name.toLowerCase()], user } as unknown as AuthenticatedRequest;
}

describe('commandCallOf', () => {
  it('yields the actor with its reach, the correlation id and the If-Match version', () => {
    expect(commandCallOf(request({ 'X-Correlation-Id': 'corr-1', 'If-Match': '"3"' }), {})).toEqual({
      actor: { username: 'zy.sc', countyId: 'county-zhanyi', reach: { kind: 'department', department: '市场监管局' }, head: false },
      options: { correlationId: 'corr-1', expectedVersion: 3 },
    });
  });

  it('has no expected version without If-Match, and a new correlation id without one', () => {
    const call = commandCallOf(request({}), {});
    expect(call.options).not.toHaveProperty('expectedVersion');
    expect(call.options.correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a malformed If-Match with 400, and ignores If-Match on a route that creates', () => {
    expect(() => commandCallOf(request({ 'If-Match': 'three' }), {})).toThrow(ProblemException);
    expect(commandCallOf(request({ 'If-Match': 'three' }), { ifMatch: false }).options).not.toHaveProperty('expectedVersion');
  });

  it('gives the county office the whole county and a township user its township', () => {
    expect(commandCallOf(request({}, { ...department, role: 'county_admin', department: null }), {}).actor.reach).toEqual({
      kind: 'county',
    });
    expect(commandCallOf(request({}, { ...department, role: 'township', department: null, townshipId: 't-1' }), {}).actor.reach).toEqual({
      kind: 'township',
      townshipId: 't-1',
    });
  });

  it("carries the user's head flag: a township head signs whistles off", () => {
    const townshipHead = { ...department, role: 'township' as const, department: null, townshipId: 't-1', head: true };
    expect(commandCallOf(request({}, townshipHead), {}).actor.head).toBe(true);
  });
});

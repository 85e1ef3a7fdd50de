import { UserSessions, type SessionState } from './user-sessions';

const ID = '5b0c3f5e-8d3c-4a0e-9a34-1f6f3c2b9d11';

describe('UserSessions', () => {
  it('reads a user once while its state is kept, and again after forget', async () => {
    const reads: string[] = [];
    let state: SessionState = { tokenVersion: 1, disabled: false };
    const sessions = new UserSessions((userId) => {
      reads.push(userId);
      return Promise.resolve(state);
    });
    expect(await sessions.isCurrent(ID, 1)).toBe(true);
    expect(await sessions.isCurrent(ID, 1)).toBe(true);
    expect(reads).toHaveLength(1);
    state = { tokenVersion: 2, disabled: false };
    expect(await sessions.isCurrent(ID, 1)).toBe(true);
    sessions.forget(ID);
    expect(await sessions.isCurrent(ID, 1)).toBe(false);
    expect(await sessions.isCurrent(ID, 2)).toBe(true);
    expect(reads).toHaveLength(2);
  });

  it('does not keep a state read while the user was being changed', async () => {
    let release: (state: SessionState) => void = () => undefined;
    let calls = 0;
    const sessions = new UserSessions(() => {
      calls += 1;
      if (calls === 1) return new Promise<SessionState>((resolve) => (release = resolve));
      return Promise.resolve({ tokenVersion: 2, disabled: false });
    });
    const first = sessions.isCurrent(ID, 1);
    sessions.forget(ID);
    release({ tokenVersion: 1, disabled: false });
    expect(await first).toBe(true);
    expect(await sessions.isCurrent(ID, 1)).toBe(false);
  });

  it('refuses unknown users, disabled users and ids that cannot be users without asking twice', async () => {
    let reads = 0;
    const sessions = new UserSessions((userId) => {
      reads += 1;
      return Promise.resolve(userId === ID ? { tokenVersion: 3, disabled: true } : undefined);
    });
    expect(await sessions.isCurrent(ID, 3)).toBe(false);
    expect(await sessions.isCurrent('0f8e4c1a-2b6d-4e8f-9a1b-3c5d7e9f1a2b', 1)).toBe(false);
    expect(await sessions.isCurrent('0f8e4c1a-2b6d-4e8f-9a1b-3c5d7e9f1a2b', 1)).toBe(false);
    expect(await sessions.isCurrent('demo-seed', 1)).toBe(false);
    expect(reads).toBe(2);
  });
});

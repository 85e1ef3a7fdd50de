import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../api/endpoints';
import { setAccessToken, setUnauthorizedListener } from '../api/http';
import type { Role, SessionUser } from '../api/types';

interface StoredSession {
  token: string;
  user: SessionUser;
}

export interface Session {
  user: SessionUser | null;
  /** The token was refused (expired): a login dialog shows over the page, which keeps its state. */
  expired: boolean;
  login(username: string, password: string): Promise<SessionUser>;
  logout(): void;
}

const STORAGE_KEY = 'fangquan.session';

function load(): StoredSession | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as StoredSession;
    return typeof parsed?.token === 'string' && parsed.user ? parsed : null;
  } catch {
    return null;
  }
}

function save(session: StoredSession | null): void {
  try {
    if (session) localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    /* storage unavailable: the session lasts for the page */
  }
}

const initial = load();
setAccessToken(initial?.token ?? null);

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [stored, setStored] = useState<StoredSession | null>(initial);
  const [expired, setExpired] = useState(false);

  useEffect(() => {
    setUnauthorizedListener(() => setExpired(true));
    return () => setUnauthorizedListener(null);
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const response = await api.login(username, password);
    setAccessToken(response.accessToken);
    let user: SessionUser = {
      username: response.user.username,
      role: response.user.role,
      countyId: response.user.countyId ?? null,
      townshipId: response.user.townshipId ?? null,
      department: null,
      head: false,
    };
    try {
      const me = await api.me();
      user = {
        username: me.username,
        role: me.role,
        countyId: me.countyId,
        townshipId: me.townshipId,
        department: me.department,
        head: me.head,
      };
    } catch {
      /* /me is a convenience (department, head); the login answer is enough to go on */
    }
    const next = { token: response.accessToken, user };
    save(next);
    setStored(next);
    setExpired(false);
    return user;
  }, []);

  const logout = useCallback(() => {
    setAccessToken(null);
    save(null);
    setStored(null);
    setExpired(false);
  }, []);

  const value = useMemo<Session>(() => ({ user: stored?.user ?? null, expired, login, logout }), [stored, expired, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

export const COUNTY_ROLES: readonly Role[] = ['county_admin', 'department', 'auditor'];

export function isCountyRole(role: Role | undefined): boolean {
  return role !== undefined && COUNTY_ROLES.includes(role);
}

/** Where a role starts after logging in. */
export function homeOf(role: Role): string {
  switch (role) {
    case 'township':
      return '/inbox';
    case 'admin':
      return '/system';
    default:
      return '/county';
  }
}

/** Who may write what (the API decides; the UI hides what would be refused). */
export function can(user: SessionUser | null) {
  const role = user?.role;
  return {
    writeCatalogue: role === 'county_admin',
    recordHandover: role === 'county_admin' || role === 'department',
    amendHandover: (department: string) => role === 'county_admin' || (role === 'department' && user?.department === department),
    revokeHandover: role === 'county_admin',
    answerHandover: (townshipId: string) => role === 'township' && user?.townshipId === townshipId,
    /** 办件量: the handover's township, or the county office. */
    recordUsage: (townshipId: string) => role === 'county_admin' || (role === 'township' && user?.townshipId === townshipId),
    writeTeam: (townshipId: string) => role === 'county_admin' || (role === 'township' && user?.townshipId === townshipId),
    readOnly: role === 'auditor',
  };
}

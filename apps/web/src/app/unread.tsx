import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api } from '../api/endpoints';

interface Unread {
  /** The caller's unread reminders (undefined until known). */
  count: number | undefined;
  /** Asks again (after reading one or all). */
  refresh(): Promise<void>;
}

const UnreadContext = createContext<Unread>({ count: undefined, refresh: async () => undefined });

/** How often the menu's unread badge asks again while the app stays open. */
const POLL_MS = 60_000;

/** The unread count behind the 提醒 menu badge: asked on sign-in, every minute, and after the inbox page reads. */
export function UnreadProvider({ children }: { children: ReactNode }) {
  const [count, setCount] = useState<number | undefined>(undefined);
  const refresh = useCallback(async () => {
    try {
      setCount((await api.unreadInbox()).length);
    } catch {
      /* the badge is a convenience: the inbox page shows any failure */
    }
  }, []);
  useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => void refresh(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);
  return <UnreadContext.Provider value={{ count, refresh }}>{children}</UnreadContext.Provider>;
}

export function useUnread(): Unread {
  return useContext(UnreadContext);
}

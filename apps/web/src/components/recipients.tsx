import { useMemo } from 'react';
import { api } from '../api/endpoints';
import { usersApi } from '../api/users';
import type { Delivery, Township, User } from '../api/types';
import type { I18n } from '../i18n/i18n';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session/session';
import { useAsync } from './useAsync';

/** Who a user is, as people know them: the role and the department or township (“乡镇（街道） · 白水镇”). */
export function whoIs(i18n: I18n, user: Pick<User, 'role' | 'department' | 'townshipId'>, townships: readonly Township[]): string {
  const role = i18n.tr(`role.${user.role}`, user.role);
  const where = user.department ?? townships.find((township) => township.id === user.townshipId)?.name;
  return where ? `${role} · ${where}` : role;
}

/**
 * Who a login name is (role and department or township) when the viewer may list the county's users;
 * undefined otherwise, so that nobody is shown by login name.
 */
export function useWhoIs(): (username: string) => string | undefined {
  const i18n = useI18n();
  const { user } = useSession();
  const countyId = user?.role === 'county_admin' ? user.countyId : null;
  const directory = useAsync(
    async () => (countyId ? { users: await usersApi.list(), townships: await api.townships(countyId) } : undefined),
    [countyId],
  );
  const byUsername = useMemo(() => {
    const data = directory.data;
    return new Map((data?.users ?? []).map((known) => [known.username, whoIs(i18n, known, data?.townships ?? [])]));
  }, [directory.data, i18n]);
  return (username) => byUsername.get(username);
}

/** Where a delivery went, in words: an inbox delivery names who received it; a webhook or e-mail its address. */
export function recipientLabel(
  who: (username: string) => string | undefined,
  delivery: Pick<Delivery, 'channel' | 'recipient'>,
): string | undefined {
  return delivery.channel === 'inbox' ? who(delivery.recipient) : delivery.recipient || undefined;
}

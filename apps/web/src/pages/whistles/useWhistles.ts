import { useEffect } from 'react';
import { api } from '../../api/endpoints';
import { allWhistles } from '../../api/whistles';
import type { SessionUser, Whistle } from '../../api/types';
import { useAsync, type AsyncState } from '../../components/useAsync';

/** The countdowns are the server's working time left: the lists ask again every minute. */
const REFRESH_MS = 60_000;

export interface WhistleBoard {
  whistles: Whistle[];
  townshipNames: ReadonlyMap<string, string> | undefined;
}

/** Every whistle the user sees (nearest deadline first), and for county roles the townships' names; refreshed every minute. */
export function useWhistles(user: SessionUser): AsyncState<WhistleBoard> {
  const countyId = user.role === 'township' ? null : user.countyId;
  const state = useAsync(async (): Promise<WhistleBoard> => {
    const [whistles, townships] = await Promise.all([allWhistles(), countyId ? api.townships(countyId).catch(() => []) : []]);
    return { whistles, townshipNames: countyId ? new Map(townships.map((township) => [township.id, township.name])) : undefined };
  }, [countyId]);
  const { reload } = state;
  useEffect(() => {
    const timer = setInterval(() => void reload(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  return state;
}

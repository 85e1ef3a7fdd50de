import { Empty, Input, Result, Spin } from 'antd';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import type { PublicDutyList } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { CategorySection } from './duty-list/CategorySection';
import { groupItems, search } from './duty-list/grouping';
import { ListHeader } from './duty-list/ListHeader';
import { PUBLIC_LIST_STYLE } from './duty-list/print-style';

type Loaded =
  { kind: 'loading' } | { kind: 'list'; list: PublicDutyList } | { kind: 'unpublished' } | { kind: 'unknown' } | { kind: 'failed' };

/** The latest published list, without a token; a 404 tells an unpublished list from an unknown township by its code. */
async function fetchList(townshipId: string): Promise<Loaded> {
  try {
    const response = await fetch(`/api/v1/public/townships/${encodeURIComponent(townshipId)}/duty-list`, {
      headers: { accept: 'application/json' },
    });
    if (response.ok) return { kind: 'list', list: (await response.json()) as PublicDutyList };
    const problem = (await response.json().catch(() => ({}))) as { code?: string };
    if (response.status === 404 && problem.code === 'duty-list-unpublished') return { kind: 'unpublished' };
    if (response.status === 404 || response.status === 400) return { kind: 'unknown' };
    return { kind: 'failed' };
  } catch {
    return { kind: 'failed' };
  }
}

/**
 * 公示: a township's published duty list for residents, opened from the QR code on the community
 * board — no login. Phone first, searchable, grouped by category and domain, printable on A4.
 */
export default function PublicDutyListPage() {
  const { townshipId = '' } = useParams();
  const { t } = useI18n();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);

  useEffect(() => {
    let current = true;
    void fetchList(townshipId).then((result) => current && setLoaded(result));
    return () => {
      current = false;
    };
  }, [townshipId]);

  const list = loaded.kind === 'list' ? loaded.list : undefined;
  useEffect(() => {
    document.title = list
      ? `${t('public.title', { township: list.townshipName })} · ${t('public.version', { version: list.version })}`
      : t('app.name');
  }, [list, t]);
  const found = useMemo(() => (list ? search(list.items, deferredQuery) : []), [list, deferredQuery]);
  const groups = useMemo(() => groupItems(found), [found]);

  return (
    <main className="public-list">
      <style>{PUBLIC_LIST_STYLE}</style>
      {loaded.kind === 'loading' ? <Spin style={{ display: 'block', marginTop: 64 }} /> : null}
      {loaded.kind === 'unpublished' ? (
        <Result status="info" title={t('public.unpublished.title')} subTitle={t('public.unpublished.detail')} />
      ) : null}
      {loaded.kind === 'unknown' ? <Result status="404" title={t('public.unknown.title')} subTitle={t('public.unknown.detail')} /> : null}
      {loaded.kind === 'failed' ? <Result status="warning" title={t('public.failed')} /> : null}
      {list ? (
        <>
          <ListHeader list={list} />
          <div className="pl-search">
            <Input.Search
              allowClear
              size="large"
              placeholder={t('public.search')}
              aria-label={t('public.search')}
              value={query}
              onChange={(event) => setQuery(event.target.value)}
            />
            {deferredQuery.trim() !== '' ? (
              <div className="pl-hint" data-testid="public-found">
                {t('public.found', { count: found.length })}
              </div>
            ) : null}
          </div>
          {found.length === 0 ? <Empty description={t('public.noMatch', { q: deferredQuery.trim() })} /> : null}
          {groups.map((group) => (
            <CategorySection key={group.category} group={group} />
          ))}
          <p className="pl-hint" style={{ textAlign: 'center', marginTop: 16 }}>
            {t('public.footer')}
          </p>
        </>
      ) : null}
    </main>
  );
}

import { Alert, Button } from 'antd';
import { createContext, lazy, Suspense, useContext, useMemo, type ReactNode } from 'react';
import { api } from '../api/endpoints';
import type { CountyConfig } from '../api/types';
import { useAsync } from '../components/useAsync';
import { countyToday } from '../domain/readiness';
import { I18nContext, makeI18n, useI18n } from '../i18n/i18n';
import { useSession } from '../session/session';
import { Loading } from './Loading';

const ReloginDialog = lazy(() => import('./ReloginDialog'));

export interface CountySettings extends CountyConfig {
  /** Today in the county's time zone, `YYYY-MM-DD` (what the server calls today). */
  today(): string;
}

const CountyConfigContext = createContext<CountySettings | null>(null);

/**
 * The county's settings from GET /config, loaded once signed in; the pages below read them with
 * `useCountyConfig()` and the i18n below shows instants in the county's time zone.
 */
export function CountyConfigProvider({ children }: { children: ReactNode }) {
  const i18n = useI18n();
  // Loaded again after logging in anew: a refused token (disabled, expired) asks for the login over the page.
  const { expired } = useSession();
  const loaded = useAsync(() => api.config(), [expired]);
  const config = loaded.data;
  const settings = useMemo<CountySettings | null>(
    () => (config === undefined ? null : { ...config, today: () => countyToday(config.timeZone) }),
    [config],
  );
  const zoned = useMemo(() => makeI18n(i18n.language, i18n.setLanguage, config?.timeZone), [i18n.language, i18n.setLanguage, config]);
  if (settings === null) {
    if (loaded.error === undefined) return <Loading />;
    if (expired)
      return (
        <Suspense fallback={<Loading />}>
          <ReloginDialog />
        </Suspense>
      );
    return (
      <Alert
        type="error"
        showIcon
        message={i18n.t('config.unavailable')}
        action={<Button onClick={() => void loaded.reload()}>{i18n.t('app.retry')}</Button>}
      />
    );
  }
  return (
    <CountyConfigContext.Provider value={settings}>
      <I18nContext.Provider value={zoned}>{children}</I18nContext.Provider>
    </CountyConfigContext.Provider>
  );
}

export function useCountyConfig(): CountySettings {
  const settings = useContext(CountyConfigContext);
  if (settings === null) throw new Error('useCountyConfig outside CountyConfigProvider');
  return settings;
}

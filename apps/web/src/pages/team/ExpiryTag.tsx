import { Tag } from 'antd';
import { useCountyConfig } from '../../app/county-config';
import { daysUntil } from '../../domain/readiness';
import { useI18n } from '../../i18n/i18n';

/** A certificate's expiry, flagged within the county's notice period (GET /config: certificateNoticeDays). */
export function ExpiryTag({ date }: { date: string }) {
  const i18n = useI18n();
  const config = useCountyConfig();
  const days = daysUntil(date, config.today());
  if (days < 0)
    return (
      <Tag color="error" data-testid="expiry" data-expiring="expired">
        {i18n.date(date)} · {i18n.t('team.expired')}
      </Tag>
    );
  if (days < config.certificateNoticeDays)
    return (
      <Tag color="warning" data-testid="expiry" data-expiring="soon">
        {i18n.date(date)} · {i18n.t('team.expiresIn', { days: i18n.number(days) })}
      </Tag>
    );
  return (
    <span data-testid="expiry" data-expiring="no">
      {i18n.date(date)}
    </span>
  );
}

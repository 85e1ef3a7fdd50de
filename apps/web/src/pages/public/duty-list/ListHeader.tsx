import { PrinterOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { PublicDutyList } from '../../../api/types';
import { useI18n } from '../../../i18n/i18n';

/** The township's name, the version with its 文号 and date, the counts, and the QR code of this page. */
export function ListHeader({ list }: { list: PublicDutyList }) {
  const { t, date } = useI18n();
  const title = t('public.title', { township: list.townshipName });
  const version = t('public.version', { version: list.version });
  const ref = t('public.decisionRef', { ref: list.decisionRef });
  return (
    <header className="pl-head">
      <div className="pl-print-head">
        {title} · {version} · {ref}
      </div>
      <h1>{title}</h1>
      <div className="pl-meta">
        {list.countyName ? <div>{t('public.subtitle', { county: list.countyName })}</div> : null}
        <div>
          {version} · {ref}
        </div>
        <div>{t('public.publishedAt', { date: date(list.publishedAt) })}</div>
        <div>{t('public.counts', list.counts)}</div>
      </div>
      <div className="pl-qr">
        <img
          src={`/api/v1/public/townships/${list.townshipId}/duty-list/qr.png`}
          alt={t('public.qrAlt')}
          data-testid="public-qr"
          width={112}
          height={112}
        />
        <div>
          <div>{t('public.qr')}</div>
          <Button className="pl-actions" icon={<PrinterOutlined />} onClick={() => window.print()} style={{ marginTop: 8 }}>
            {t('public.print')}
          </Button>
        </div>
      </div>
    </header>
  );
}

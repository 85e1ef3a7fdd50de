import { Spin } from 'antd';
import { useI18n } from '../i18n/i18n';

export function Loading() {
  const i18n = useI18n();
  return (
    <div style={{ padding: 48, textAlign: 'center' }} data-testid="loading">
      <Spin tip={i18n.t('app.loading')}>
        <div style={{ height: 48 }} />
      </Spin>
    </div>
  );
}

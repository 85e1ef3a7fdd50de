import { Alert, Card, Table } from 'antd';
import { api } from '../api/endpoints';
import type { County } from '../api/types';
import { ProblemAlert } from '../components/problems';
import { useAsync } from '../components/useAsync';
import { useI18n } from '../i18n/i18n';

/** The system admin: the counties (the working pages are for county and township users). */
export default function SystemPage() {
  const i18n = useI18n();
  const counties = useAsync(() => api.counties(), []);
  return (
    <Card title={i18n.t('admin.title')}>
      <Alert type="info" showIcon message={i18n.t('admin.hint')} style={{ marginBottom: 16 }} />
      <ProblemAlert error={counties.error} onReload={counties.reload} />
      <Table<County>
        rowKey="id"
        loading={counties.loading}
        dataSource={counties.data ?? []}
        columns={[
          { title: i18n.t('admin.title'), dataIndex: 'name' },
          { title: 'ID', dataIndex: 'id' },
        ]}
      />
    </Card>
  );
}

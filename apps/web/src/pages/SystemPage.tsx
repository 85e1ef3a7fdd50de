import { Alert, Button, Card, Table } from 'antd';
import { useState } from 'react';
import { api } from '../api/endpoints';
import type { County } from '../api/types';
import { ProblemAlert } from '../components/problems';
import { useAsync } from '../components/useAsync';
import { useI18n } from '../i18n/i18n';

/** The system admin: the counties (the working pages are for county and township users). */
export default function SystemPage() {
  const i18n = useI18n();
  const counties = useAsync(() => api.counties(), []);
  const [opening, setOpening] = useState(false);
  const [queuesError, setQueuesError] = useState<unknown>(undefined);
  // The dashboard is a page of its own: the API sets a short-lived cookie that lets this browser in, then it is opened.
  const openQueues = async () => {
    setOpening(true);
    setQueuesError(undefined);
    try {
      const { url } = await api.queuesSession();
      window.location.assign(url);
    } catch (caught) {
      setQueuesError(caught);
    } finally {
      setOpening(false);
    }
  };
  return (
    <Card
      title={i18n.t('admin.title')}
      extra={
        <Button data-testid="open-queues" loading={opening} onClick={() => void openQueues()}>
          {i18n.t('system.queues')}
        </Button>
      }
    >
      <ProblemAlert error={queuesError} />
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

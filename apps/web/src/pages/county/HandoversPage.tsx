import { Button, Card, Select, Space, Table, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/endpoints';
import { HANDOVER_STATUSES, type Handover, type HandoverStatus } from '../../api/types';
import { statusLabel } from '../../components/labels';
import { ProblemAlert } from '../../components/problems';
import { ReadinessTag, StatusTag } from '../../components/Tags';
import { useAsync } from '../../components/useAsync';
import { useI18n } from '../../i18n/i18n';
import { can, useSession } from '../../session/session';

/** Every handover of the county, paged by the API, filtered by status and readiness. */
export default function HandoversPage() {
  const i18n = useI18n();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? '1') || 1;
  const pageSize = Number(params.get('pageSize') ?? '20') || 20;
  const status = (params.get('status') ?? undefined) as HandoverStatus | undefined;
  const ready = params.get('ready') === 'true' ? true : params.get('ready') === 'false' ? false : undefined;
  const list = useAsync(() => api.handovers({ page, pageSize, status, ready }), [page, pageSize, status, ready]);

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, value);
    }
    setParams(next);
  };

  return (
    <Card
      title={i18n.t('handovers.title')}
      extra={
        can(user).recordHandover && (
          <Link to="/county/handovers/new">
            <Button type="primary">{i18n.t('nav.record')}</Button>
          </Link>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Typography.Text>{i18n.t('handovers.filterStatus')}</Typography.Text>
        <Select<string>
          style={{ width: 140 }}
          value={status ?? ''}
          onChange={(value) => update({ status: value || undefined, page: undefined })}
          options={[
            { value: '', label: i18n.t('handovers.all') },
            ...HANDOVER_STATUSES.map((value) => ({ value, label: statusLabel(i18n, value) })),
          ]}
        />
        <Typography.Text>{i18n.t('handovers.filterReady')}</Typography.Text>
        <Select<string>
          style={{ width: 140 }}
          value={ready === undefined ? '' : String(ready)}
          onChange={(value) => update({ ready: value || undefined, page: undefined })}
          options={[
            { value: '', label: i18n.t('handovers.all') },
            { value: 'true', label: i18n.t('handovers.readyOnly') },
            { value: 'false', label: i18n.t('handovers.gapsOnly') },
          ]}
        />
      </Space>
      <ProblemAlert error={list.error} onReload={list.reload} />
      <Table<Handover>
        data-testid="handovers"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (count) => i18n.t('app.total', { count }),
          onChange: (nextPage, nextSize) => update({ page: String(nextPage), pageSize: String(nextSize) }),
        }}
        columns={[
          {
            title: i18n.t('handovers.power'),
            key: 'power',
            render: (_, handover) => (
              <Link to={`/handovers/${handover.id}`}>
                <div>{handover.powerName ?? handover.powerCode}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {handover.powerCode}
                </Typography.Text>
              </Link>
            ),
          },
          { title: i18n.t('handovers.township'), dataIndex: 'townshipName' },
          { title: i18n.t('handovers.department'), dataIndex: 'department' },
          { title: i18n.t('handovers.status'), dataIndex: 'status', render: (value: HandoverStatus) => <StatusTag status={value} /> },
          {
            title: i18n.t('handovers.readiness'),
            key: 'readiness',
            render: (_, handover) => <ReadinessTag readiness={handover.readiness} revoked={handover.status === 'revoked'} />,
          },
          { title: i18n.t('handovers.effectiveOn'), dataIndex: 'effectiveOn', render: (value: string) => i18n.date(value) },
        ]}
      />
    </Card>
  );
}

import { Button, Card, Table } from 'antd';
import type { RecallRequest } from '../../../api/types';
import { useI18n } from '../../../i18n/i18n';
import { DecisionNote, RequestStatusTag } from '../tags';

/** 我的收回申请: each request of the township, newest first, with its status and the county office's decision. */
export function MyRecallsCard({
  requests,
  names,
  loading,
  onReload,
}: {
  requests: RecallRequest[];
  /** An item's name by handover id or duty code. */
  names: ReadonlyMap<string, string>;
  loading: boolean;
  onReload(): void;
}) {
  const i18n = useI18n();
  const newestFirst = [...requests].sort((a, b) => b.filedAt.localeCompare(a.filedAt));
  return (
    <Card title={i18n.t('recall.mine')} extra={<Button onClick={onReload}>{i18n.t('app.reload')}</Button>}>
      <Table<RecallRequest>
        data-testid="my-recalls"
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={newestFirst}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: i18n.t('recall.none') }}
        onRow={(request) => ({ 'data-testid': 'my-recall', 'data-request': request.id }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: i18n.t('recall.item'),
            key: 'item',
            render: (_, request) => {
              const key = request.handoverId ?? request.dutyCode ?? '';
              return names.get(key) ?? key;
            },
          },
          { title: i18n.t('recall.reason'), dataIndex: 'reason' },
          { title: i18n.t('recall.filedAt'), dataIndex: 'filedAt', width: 170, render: (value: string) => i18n.dateTime(value) },
          {
            title: i18n.t('handovers.status'),
            dataIndex: 'status',
            width: 110,
            render: (status: RecallRequest['status']) => <RequestStatusTag status={status} />,
          },
          { title: i18n.t('decisions.decision'), key: 'decision', render: (_, request) => <DecisionNote decision={request.decision} /> },
        ]}
      />
    </Card>
  );
}

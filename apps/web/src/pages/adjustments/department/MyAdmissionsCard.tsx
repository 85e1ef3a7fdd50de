import { Button, Card, Table } from 'antd';
import type { TaskAdmission } from '../../../api/types';
import { useI18n } from '../../../i18n/i18n';
import { DecisionNote, RequestStatusTag } from '../tags';
import { meansSummary } from './means';

/** The department's own admission requests, newest first: townships, means, status, the county office's reason. */
export function MyAdmissionsCard({
  admissions,
  townshipNames,
  loading,
  onReload,
}: {
  admissions: TaskAdmission[];
  townshipNames: ReadonlyMap<string, string>;
  loading: boolean;
  onReload(): void;
}) {
  const i18n = useI18n();
  const newestFirst = [...admissions].sort((a, b) => b.filedAt.localeCompare(a.filedAt));
  return (
    <Card title={i18n.t('admission.mine')} extra={<Button onClick={onReload}>{i18n.t('app.reload')}</Button>}>
      <Table<TaskAdmission>
        data-testid="my-admissions"
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={newestFirst}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: i18n.t('admission.none') }}
        onRow={(admission) => ({ 'data-testid': 'my-admission', 'data-request': admission.id }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: i18n.t('admission.title'), dataIndex: 'title' },
          {
            title: i18n.t('admission.townships'),
            key: 'townships',
            render: (_, admission) => admission.townshipIds.map((id) => townshipNames.get(id) ?? id).join('、'),
          },
          { title: i18n.t('admission.means'), key: 'means', render: (_, admission) => meansSummary(i18n, admission.means) },
          {
            title: i18n.t('handovers.status'),
            dataIndex: 'status',
            width: 110,
            render: (status: TaskAdmission['status']) => <RequestStatusTag status={status} />,
          },
          {
            title: i18n.t('decisions.decision'),
            key: 'decision',
            render: (_, admission) => <DecisionNote decision={admission.decision} />,
          },
        ]}
      />
    </Card>
  );
}

import { Card, Table } from 'antd';
import { itemLabel, resourceLabel } from '../../../components/labels';
import type { BiggestGap, Dashboard } from '../../../domain/dashboard';
import { useI18n } from '../../../i18n/i18n';

/** The county's biggest gaps, each team counted once per resource. */
export function BiggestGapsCard({ dashboard }: { dashboard: Dashboard | undefined }) {
  const i18n = useI18n();
  return (
    <Card title={i18n.t('dashboard.biggestGaps')}>
      <Table<BiggestGap>
        data-testid="biggest-gaps"
        size="small"
        rowKey={(gap) => `${gap.resource}:${gap.item}`}
        dataSource={dashboard?.biggestGaps ?? []}
        pagination={false}
        locale={{ emptyText: i18n.t('gap.none') }}
        columns={[
          { title: i18n.t('gap.resource'), dataIndex: 'resource', render: (value: string) => resourceLabel(i18n, value) },
          { title: i18n.t('gap.item'), key: 'item', render: (_, gap) => itemLabel(i18n, gap) },
          {
            title: i18n.t('dashboard.totalMissing'),
            dataIndex: 'missing',
            align: 'right',
            render: (value: number) => <strong style={{ color: '#cf1322' }}>{i18n.number(value)}</strong>,
          },
          { title: i18n.t('dashboard.affected'), dataIndex: 'handovers', align: 'right', render: (value: number) => i18n.number(value) },
          { title: i18n.t('dashboard.townships'), dataIndex: 'townships', align: 'right', render: (value: number) => i18n.number(value) },
        ]}
      />
    </Card>
  );
}

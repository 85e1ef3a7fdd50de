import { Table, Tag, Typography } from 'antd';
import type { RequirementRow } from '../domain/readiness';
import { useI18n } from '../i18n/i18n';
import { itemLabel, resourceLabel } from './labels';

/** What the power requires against what the team has, line by line. */
export function RequirementsTable({ rows, testId = 'requirements-vs-team' }: { rows: RequirementRow[]; testId?: string }) {
  const i18n = useI18n();
  return (
    <Table<RequirementRow>
      data-testid={testId}
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={rows}
      columns={[
        { title: i18n.t('gap.resource'), dataIndex: 'resource', render: (value: string) => resourceLabel(i18n, value) },
        {
          title: i18n.t('gap.item'),
          key: 'item',
          render: (_, row) => (
            <span>
              {itemLabel(i18n, row)}
              {row.hours !== undefined && <Typography.Text type="secondary"> · {i18n.number(row.hours)} h</Typography.Text>}
            </span>
          ),
        },
        { title: i18n.t('awaiting.requirement'), dataIndex: 'required', align: 'right', render: (value: number) => i18n.number(value) },
        { title: i18n.t('awaiting.teamHas'), dataIndex: 'available', align: 'right', render: (value: number) => i18n.number(value) },
        {
          title: '',
          key: 'state',
          render: (_, row) =>
            row.missing > 0 ? (
              <Tag color="error">{i18n.t('awaiting.short', { missing: i18n.number(row.missing) })}</Tag>
            ) : (
              <Tag color="success">{i18n.t('awaiting.ok')}</Tag>
            ),
        },
      ]}
    />
  );
}

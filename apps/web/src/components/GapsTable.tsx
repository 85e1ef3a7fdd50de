import { Alert, Table } from 'antd';
import type { Gap } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { itemLabel, resourceLabel, responsibleLabel } from './labels';

export function GapsTable({ gaps, showNone = true, testId = 'gaps' }: { gaps: readonly Gap[]; showNone?: boolean; testId?: string }) {
  const i18n = useI18n();
  if (gaps.length === 0)
    return showNone ? <Alert type="success" showIcon message={i18n.t('gap.none')} data-testid={`${testId}-none`} /> : null;
  return (
    <Table<Gap>
      data-testid={testId}
      size="small"
      pagination={false}
      rowKey={(gap) => `${gap.resource}:${gap.item}`}
      dataSource={[...gaps]}
      columns={[
        { title: i18n.t('gap.resource'), dataIndex: 'resource', render: (value: string) => resourceLabel(i18n, value) },
        { title: i18n.t('gap.item'), key: 'item', render: (_, gap) => itemLabel(i18n, gap) },
        { title: i18n.t('gap.required'), dataIndex: 'required', align: 'right', render: (value: number) => i18n.number(value) },
        { title: i18n.t('gap.available'), dataIndex: 'available', align: 'right', render: (value: number) => i18n.number(value) },
        {
          title: i18n.t('gap.missing'),
          dataIndex: 'missing',
          align: 'right',
          render: (value: number) => <strong style={{ color: '#cf1322' }}>{i18n.number(value)}</strong>,
        },
        { title: i18n.t('gap.responsible'), dataIndex: 'responsible', render: (value: string) => responsibleLabel(i18n, value) },
      ]}
    />
  );
}

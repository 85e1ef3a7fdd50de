import { Button, Space, Table, Tag, Typography } from 'antd';
import type { I18n } from '../../../i18n/i18n';
import { useI18n } from '../../../i18n/i18n';
import { DecisionDue } from '../tags';
import { dueOf, overdueOf, requesterOf, subjectOf, type QueueEntry, type QueueNames } from './queue';

function kindTag(i18n: I18n, entry: QueueEntry) {
  if (entry.kind === 'admission') return <Tag color="purple">{i18n.t('decisions.kind.admission')}</Tag>;
  return <Tag color="blue">{i18n.t(entry.request.handoverId ? 'decisions.kind.recallPower' : 'decisions.kind.recallDuty')}</Tag>;
}

/** The 待决定 queue: kind, subject and who asks, when due (red once overdue); choosing one shows its evidence. */
export function QueueTable({
  entries,
  names,
  selected,
  onSelect,
  loading,
}: {
  entries: QueueEntry[];
  names: QueueNames;
  selected: string | undefined;
  onSelect(id: string): void;
  loading: boolean;
}) {
  const i18n = useI18n();
  return (
    <Table<QueueEntry>
      data-testid="decision-queue"
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={entries}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: i18n.t('decisions.empty') }}
      rowClassName={(entry) => (entry.id === selected ? 'ant-table-row-selected' : '')}
      onRow={(entry) =>
        ({
          'data-testid': 'decision-row',
          'data-kind': entry.kind,
          'data-request': entry.id,
          onClick: () => onSelect(entry.id),
          style: { cursor: 'pointer' },
        }) as React.HTMLAttributes<HTMLElement>
      }
      columns={[
        { title: i18n.t('decisions.kind'), key: 'kind', width: 120, render: (_, entry) => kindTag(i18n, entry) },
        {
          title: i18n.t('decisions.subject'),
          key: 'subject',
          render: (_, entry) => (
            <Space direction="vertical" size={0}>
              <Button
                type="link"
                size="small"
                style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                onClick={() => onSelect(entry.id)}
                data-testid="decision-open"
              >
                {subjectOf(entry, names)}
              </Button>
              <Typography.Text type="secondary">{requesterOf(entry, names)}</Typography.Text>
            </Space>
          ),
        },
        {
          title: i18n.t('decisions.dueAt'),
          key: 'due',
          width: 180,
          render: (_, entry) => <DecisionDue dueAt={dueOf(entry)} overdue={overdueOf(entry)} />,
        },
      ]}
    />
  );
}

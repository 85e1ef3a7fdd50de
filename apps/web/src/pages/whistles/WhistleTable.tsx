import { Space, Table, Tag } from 'antd';
import { Link } from 'react-router';
import type { Whistle } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { dueFlag } from './due';
import { DueCell, WhistleStatusTag } from './DueCell';

const ROW_COLORS = { overdue: '#fff1f0', soon: '#fffbe6', ok: undefined } as const;

/** Whistles as the API orders them (nearest deadline first), each row tinted by its flag, the title opening its page. */
export function WhistleTable({
  whistles,
  townshipNames,
  testId,
}: {
  whistles: Whistle[];
  /** Township names by id: shown to the county office and the departments. */
  townshipNames?: ReadonlyMap<string, string>;
  testId: string;
}) {
  const i18n = useI18n();
  return (
    <Table<Whistle>
      rowKey="id"
      size="small"
      data-testid={testId}
      dataSource={whistles}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      onRow={(whistle) => {
        const flag = dueFlag(whistle);
        // The flag as a data attribute too: what the row's tint means, for tests and assistive tools alike.
        return { style: { background: ROW_COLORS[flag] }, ...{ 'data-flag': flag } };
      }}
      locale={{ emptyText: i18n.t('whistles.empty') }}
      columns={[
        {
          title: i18n.t('whistles.column.title'),
          key: 'title',
          render: (_, whistle) => (
            <Space size={4} wrap>
              <Link to={`/whistles/${whistle.id}`} data-testid="whistle-link">
                {whistle.title}
              </Link>
              {whistle.urgency === 'urgent' && <Tag color="red">{i18n.t('whistle.urgency.urgent')}</Tag>}
            </Space>
          ),
        },
        ...(townshipNames
          ? [
              {
                title: i18n.t('whistles.column.township'),
                key: 'township',
                render: (_: unknown, whistle: Whistle) => townshipNames.get(whistle.townshipId) ?? '',
              },
            ]
          : []),
        {
          title: i18n.t('whistles.column.department'),
          key: 'department',
          render: (_, whistle) => whistle.department ?? i18n.t('app.none'),
        },
        { title: i18n.t('whistles.column.status'), key: 'status', render: (_, whistle) => <WhistleStatusTag status={whistle.status} /> },
        { title: i18n.t('whistles.column.due'), key: 'due', render: (_, whistle) => <DueCell whistle={whistle} /> },
        { title: i18n.t('whistles.column.raisedAt'), key: 'raisedAt', render: (_, whistle) => i18n.dateTime(whistle.raisedAt) },
      ]}
    />
  );
}

import { Card, Table, Tag, Typography } from 'antd';
import type { ListedDuty, RecallRequest } from '../../../api/types';
import { useI18n } from '../../../i18n/i18n';
import { RecallButton } from '../RecallButton';
import { recallTargetOf } from './targets';

/** The township's list (working draft): each item it carries, with 申请收回 unless a request for it is pending. */
export function ListItemsCard({
  townshipId,
  items,
  requests,
  onFiled,
}: {
  townshipId: string;
  items: ListedDuty[];
  requests: RecallRequest[];
  onFiled(): void;
}) {
  const i18n = useI18n();
  const pending = new Set(
    requests.filter((request) => request.status === 'pending').map((request) => request.handoverId ?? request.dutyCode),
  );
  return (
    <Card title={i18n.t('recall.listItems')}>
      <Typography.Paragraph type="secondary">{i18n.t('recall.listHelp')}</Typography.Paragraph>
      <Table<ListedDuty>
        data-testid="recall-list-items"
        rowKey={(item) => `${item.source}:${item.handoverId ?? item.dutyCode ?? item.admissionId ?? item.name}`}
        size="small"
        dataSource={items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: i18n.t('recall.noItems') }}
        columns={[
          { title: i18n.t('recall.item'), dataIndex: 'name' },
          {
            title: i18n.t('recall.category'),
            dataIndex: 'category',
            width: 110,
            render: (category: string) => i18n.tr(`public.category.${category}`, category),
          },
          { title: i18n.t('recall.leadDepartment'), dataIndex: 'leadDepartment', render: (value?: string) => value ?? '—' },
          {
            title: i18n.t('app.actions'),
            key: 'recall',
            width: 160,
            render: (_, item) => {
              const target = recallTargetOf(item);
              if (!target) return '—';
              const key = 'handoverId' in target ? target.handoverId : target.dutyCode;
              if (pending.has(key)) return <Tag color="processing">{i18n.t('recall.pending')}</Tag>;
              return <RecallButton size="small" townshipId={townshipId} target={target} label={item.name} onFiled={onFiled} />;
            },
          },
        ]}
      />
    </Card>
  );
}

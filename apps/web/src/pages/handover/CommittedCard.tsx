import { Card, Descriptions, Table, Tag, Typography } from 'antd';
import type { Commitments, Team } from '../../api/types';
import { itemLabel, resourceLabel } from '../../components/labels';
import { committedDelivery, type CommittedLine } from '../../domain/team-powers';
import { useI18n } from '../../i18n/i18n';

/** What the department committed, each line delivered or not yet (against the team as it is now). */
export function CommittedCard({ committed, team }: { committed: Commitments; team: Team | undefined }) {
  const i18n = useI18n();
  const lines = team ? committedDelivery(committed, team) : [];
  const empty = (committed.officers ?? []).length + (committed.equipment ?? []).length + (committed.training ?? []).length === 0;
  return (
    <Card title={i18n.t('handover.committed')} loading={!team && !empty}>
      {empty && committed.budgetYuan === undefined && <Typography.Text type="secondary">{i18n.t('handover.noCommitted')}</Typography.Text>}
      {!empty && (
        <Table<CommittedLine>
          data-testid="committed"
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={lines}
          columns={[
            { title: i18n.t('gap.resource'), dataIndex: 'resource', render: (value: string) => resourceLabel(i18n, value) },
            {
              title: i18n.t('gap.item'),
              key: 'item',
              render: (_, line) => (line.resource === 'officers' ? line.item : itemLabel(i18n, line)),
            },
            {
              title: i18n.t('handover.committedQuantity'),
              key: 'quantity',
              align: 'right',
              render: (_, line) => (line.resource === 'training' ? `${i18n.number(line.quantity)} h` : i18n.number(line.quantity)),
            },
            {
              title: i18n.t('handover.delivery'),
              key: 'delivered',
              render: (_, line) => (
                <Tag
                  color={line.delivered ? 'success' : 'warning'}
                  data-testid="committed-delivery"
                  data-delivered={String(line.delivered)}
                >
                  {line.delivered ? i18n.t('handover.delivered') : i18n.t('handover.notDelivered')}
                </Tag>
              ),
            },
          ]}
        />
      )}
      {committed.budgetYuan !== undefined && (
        <Descriptions size="small" column={1} style={{ marginTop: 12 }}>
          <Descriptions.Item label={i18n.t('handover.budget')}>{i18n.yuan(committed.budgetYuan)}</Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}

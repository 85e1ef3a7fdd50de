import { Button, Card, Space, Table } from 'antd';
import { useState } from 'react';
import type { EquipmentLine } from '../../api/types';
import { kindLabel } from '../../components/labels';
import { useI18n } from '../../i18n/i18n';
import { ReceiveDialog, WriteOffDialog } from './EquipmentDialogs';
import type { TeamCardProps } from './team-context';

/** The team's equipment on hand: receive, write off. */
export function EquipmentCard({ team, writable, reload }: TeamCardProps) {
  const i18n = useI18n();
  const [dialog, setDialog] = useState<'receive' | 'writeOff' | undefined>(undefined);
  const close = () => setDialog(undefined);
  return (
    <Card
      title={i18n.t('team.equipment')}
      extra={
        writable && (
          <Space>
            <Button type="primary" onClick={() => setDialog('receive')} data-testid="receive-equipment">
              {i18n.t('team.receive')}
            </Button>
            <Button onClick={() => setDialog('writeOff')} disabled={team.equipment.length === 0} data-testid="write-off">
              {i18n.t('team.writeOff')}
            </Button>
          </Space>
        )
      }
    >
      <Table<EquipmentLine>
        data-testid="equipment"
        rowKey="kind"
        size="small"
        dataSource={team.equipment}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: i18n.t('app.none') }}
        columns={[
          {
            title: i18n.t('team.kind'),
            dataIndex: 'kind',
            render: (kind: string) => kindLabel(i18n, kind),
          },
          { title: i18n.t('team.quantity'), dataIndex: 'quantity', align: 'right', render: (value: number) => i18n.number(value) },
        ]}
      />
      <ReceiveDialog team={team} open={dialog === 'receive'} onClose={close} onDone={reload} />
      <WriteOffDialog team={team} open={dialog === 'writeOff'} onClose={close} onDone={reload} />
    </Card>
  );
}

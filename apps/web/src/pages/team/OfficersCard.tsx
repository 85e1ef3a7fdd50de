import { Button, Card, Table } from 'antd';
import { useState } from 'react';
import type { Officer } from '../../api/types';
import type { HeldPower } from '../../domain/team-powers';
import { useI18n } from '../../i18n/i18n';
import { ExpiryTag } from './ExpiryTag';
import { LeaveDialog } from './LeaveDialog';
import { OfficerDialog } from './OfficerDialog';
import type { TeamCardProps } from './team-context';

/** The team's officers (certificate expiry flagged): add one, or let one leave (with a reason). */
export function OfficersCard({ team, writable, reload, held }: TeamCardProps & { held: readonly HeldPower[] }) {
  const i18n = useI18n();
  const [adding, setAdding] = useState(false);
  const [leaving, setLeaving] = useState<Officer | undefined>(undefined);
  return (
    <Card
      title={`${i18n.t('team.officers')}（${i18n.number(team.officers.length)}）`}
      extra={
        writable && (
          <Button type="primary" onClick={() => setAdding(true)} data-testid="add-officer">
            {i18n.t('team.addOfficer')}
          </Button>
        )
      }
    >
      <Table<Officer>
        data-testid="officers"
        rowKey="officerId"
        size="small"
        dataSource={team.officers}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (count) => i18n.t('app.total', { count }) }}
        locale={{ emptyText: i18n.t('app.none') }}
        columns={[
          { title: i18n.t('team.name'), dataIndex: 'name' },
          { title: i18n.t('team.certificateNumber'), dataIndex: 'certificateNumber' },
          {
            title: i18n.t('team.certificateExpiresOn'),
            dataIndex: 'certificateExpiresOn',
            render: (value: string) => <ExpiryTag date={value} />,
          },
          { title: i18n.t('team.secondedFrom'), dataIndex: 'secondedFrom', render: (value?: string) => value ?? '—' },
          ...(writable
            ? [
                {
                  title: i18n.t('app.actions'),
                  key: 'actions',
                  render: (_: unknown, officer: Officer) => (
                    <Button size="small" danger onClick={() => setLeaving(officer)} data-testid="leave">
                      {i18n.t('team.removeOfficer')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <OfficerDialog team={team} open={adding} onClose={() => setAdding(false)} onDone={reload} />
      <LeaveDialog team={team} officer={leaving} held={held} onClose={() => setLeaving(undefined)} onDone={reload} />
    </Card>
  );
}

import { Button, Card, Table, Typography } from 'antd';
import { useState } from 'react';
import type { TrainingRecord } from '../../api/types';
import { courseLabel } from '../../components/labels';
import { useI18n } from '../../i18n/i18n';
import type { TeamCardProps } from './team-context';
import { TrainingDialog } from './TrainingDialog';

/** Every completed training of the team, newest first (including that of officers who have left). */
export function TrainingCard({ team, writable, reload }: TeamCardProps) {
  const i18n = useI18n();
  const [recording, setRecording] = useState(false);
  const officerName = new Map(team.officers.map((officer) => [officer.officerId, officer.name]));
  return (
    <Card
      title={i18n.t('team.training')}
      extra={
        writable && (
          <Button type="primary" onClick={() => setRecording(true)} disabled={team.officers.length === 0} data-testid="record-training">
            {i18n.t('team.recordTraining')}
          </Button>
        )
      }
    >
      <Table<TrainingRecord>
        data-testid="training"
        rowKey="trainingId"
        size="small"
        dataSource={[...team.training].sort((a, b) => (a.completedOn < b.completedOn ? 1 : -1))}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (count) => i18n.t('app.total', { count }) }}
        locale={{ emptyText: i18n.t('app.none') }}
        columns={[
          {
            title: i18n.t('team.officer'),
            dataIndex: 'officerId',
            render: (id: string) =>
              officerName.get(id) ?? <Typography.Text type="secondary">{i18n.t('team.formerOfficer')}</Typography.Text>,
          },
          { title: i18n.t('team.course'), dataIndex: 'course', render: (course: string) => courseLabel(i18n, course) },
          { title: i18n.t('team.hours'), dataIndex: 'hours', align: 'right', render: (value: number) => i18n.number(value) },
          { title: i18n.t('team.completedOn'), dataIndex: 'completedOn', render: (value: string) => i18n.date(value) },
        ]}
      />
      <TrainingDialog team={team} open={recording} onClose={() => setRecording(false)} onDone={reload} />
    </Card>
  );
}

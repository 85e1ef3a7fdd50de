import { Card, Table, Typography } from 'antd';
import { Link } from 'react-router';
import type { Handover } from '../../api/types';
import { gapsSummary } from '../../components/labels';
import { ReadinessTag, StatusTag } from '../../components/Tags';
import { useI18n } from '../../i18n/i18n';

/** The powers the team holds (or is asked to take), each with what it still lacks. */
export function PowersCard({ handovers, loading }: { handovers: readonly Handover[]; loading: boolean }) {
  const i18n = useI18n();
  return (
    <Card title={`${i18n.t('team.powers')}（${i18n.number(handovers.length)}）`} loading={loading && handovers.length === 0}>
      <Table<Handover>
        data-testid="team-powers"
        rowKey="id"
        size="small"
        dataSource={[...handovers]}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: i18n.t('team.noPowers') }}
        columns={[
          {
            title: i18n.t('handovers.power'),
            key: 'power',
            render: (_, handover) => <Link to={`/handovers/${handover.id}`}>{handover.powerName ?? handover.powerCode}</Link>,
          },
          { title: i18n.t('handovers.status'), key: 'status', render: (_, handover) => <StatusTag status={handover.status} /> },
          { title: i18n.t('handovers.readiness'), key: 'ready', render: (_, handover) => <ReadinessTag readiness={handover.readiness} /> },
          {
            title: i18n.t('team.stillLacks'),
            key: 'gaps',
            render: (_, handover) =>
              handover.readiness.gaps.length === 0 ? (
                <Typography.Text type="secondary">—</Typography.Text>
              ) : (
                <span data-testid="team-power-gaps">{gapsSummary(i18n, handover.readiness.gaps)}</span>
              ),
          },
        ]}
      />
    </Card>
  );
}

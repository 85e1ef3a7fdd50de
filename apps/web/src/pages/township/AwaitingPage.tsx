import { Card, Empty, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { allHandovers, api } from '../../api/endpoints';
import type { Handover, HandoverStatus, Power, Team } from '../../api/types';
import { ProblemAlert } from '../../components/problems';
import { ReadinessTag, StatusTag } from '../../components/Tags';
import { useAsync } from '../../components/useAsync';
import { useI18n } from '../../i18n/i18n';
import { AwaitingTable } from './awaiting/AwaitingTable';

/** The township's handovers awaiting its answer (a table with filters; a line opens to answer), then the others. */
export default function AwaitingPage() {
  const i18n = useI18n();
  const state = useAsync(async () => {
    const handovers = await allHandovers();
    const teamIds = [...new Set(handovers.map((handover) => handover.teamId))];
    const codes = [...new Set(handovers.filter((handover) => handover.status === 'recorded').map((handover) => handover.powerCode))];
    const [teams, powers] = await Promise.all([
      Promise.all(teamIds.map((teamId) => api.team(teamId))),
      Promise.all(codes.map((code) => api.power(code))),
    ]);
    return {
      handovers,
      teams: new Map<string, Team>(teams.map((team) => [team.id, team])),
      powers: new Map<string, Power>(powers.map((power) => [power.code, power])),
    };
  }, []);

  const awaiting = (state.data?.handovers ?? []).filter((handover) => handover.status === 'recorded');
  const others = (state.data?.handovers ?? []).filter((handover) => handover.status !== 'recorded');

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="awaiting">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {i18n.t('awaiting.title')}
      </Typography.Title>
      <ProblemAlert error={state.error} onReload={state.reload} />
      {state.loading && !state.data && <Card loading />}
      {state.data && (
        <Card>
          {awaiting.length === 0 ? (
            <Empty description={i18n.t('awaiting.empty')} />
          ) : (
            <AwaitingTable
              handovers={awaiting}
              powers={state.data.powers}
              teams={state.data.teams}
              onAnswered={() => void state.reload()}
            />
          )}
        </Card>
      )}
      {others.length > 0 && (
        <Card title={i18n.t('awaiting.others')}>
          <Table<Handover>
            rowKey="id"
            size="small"
            dataSource={others}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            columns={[
              {
                title: i18n.t('handovers.power'),
                key: 'power',
                render: (_, handover) => <Link to={`/handovers/${handover.id}`}>{handover.powerName ?? handover.powerCode}</Link>,
              },
              { title: i18n.t('handovers.status'), dataIndex: 'status', render: (value: HandoverStatus) => <StatusTag status={value} /> },
              {
                title: i18n.t('handovers.readiness'),
                key: 'readiness',
                render: (_, handover) => <ReadinessTag readiness={handover.readiness} revoked={handover.status === 'revoked'} />,
              },
              { title: i18n.t('handovers.effectiveOn'), dataIndex: 'effectiveOn', render: (value: string) => i18n.date(value) },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}

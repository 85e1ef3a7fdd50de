import { Card, Col, Descriptions, Empty, Row, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { allHandovers, api } from '../../api/endpoints';
import type { Handover, HandoverStatus, Power, Team } from '../../api/types';
import { AnswerPanel } from '../../components/AnswerPanel';
import { GapsTable } from '../../components/GapsTable';
import { ProblemAlert } from '../../components/problems';
import { RequirementsTable } from '../../components/RequirementsTable';
import { ReadinessTag, StatusTag } from '../../components/Tags';
import { useAsync } from '../../components/useAsync';
import { requirementRows } from '../../domain/readiness';
import { useI18n } from '../../i18n/i18n';

/** The township's handovers awaiting its answer: what each power requires against what the team has; accept, accept conditionally, contest. */
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
      {state.data && awaiting.length === 0 && (
        <Card>
          <Empty description={i18n.t('awaiting.empty')} />
        </Card>
      )}
      {awaiting.map((handover) => {
        const power = state.data?.powers.get(handover.powerCode);
        const team = state.data?.teams.get(handover.teamId);
        return (
          <Card
            key={handover.id}
            data-testid="awaiting-handover"
            data-power={handover.powerCode}
            title={
              <Space wrap>
                <Link to={`/handovers/${handover.id}`}>{handover.powerName ?? handover.powerCode}</Link>
                <StatusTag status={handover.status} />
                <ReadinessTag readiness={handover.readiness} />
              </Space>
            }
          >
            <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }}>
              <Descriptions.Item label={i18n.t('handovers.department')}>{handover.department}</Descriptions.Item>
              <Descriptions.Item label={i18n.t('handover.mode')}>{i18n.t(`mode.${handover.mode}`)}</Descriptions.Item>
              <Descriptions.Item label={i18n.t('handover.instrument')}>{handover.instrument}</Descriptions.Item>
              <Descriptions.Item label={i18n.t('handovers.effectiveOn')}>{i18n.date(handover.effectiveOn)}</Descriptions.Item>
            </Descriptions>
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={12}>
                <Typography.Title level={5}>{i18n.t('handover.requirementsVsTeam')}</Typography.Title>
                {power && team && <RequirementsTable rows={requirementRows(power.requirements, team, handover.effectiveOn)} />}
              </Col>
              <Col xs={24} xl={12}>
                <Typography.Title level={5}>{i18n.t('handover.gaps')}</Typography.Title>
                <GapsTable gaps={handover.readiness.gaps} />
              </Col>
            </Row>
            <div style={{ marginTop: 16 }}>
              <AnswerPanel handover={handover} onAnswered={() => void state.reload()} onReload={() => void state.reload()} />
            </div>
          </Card>
        );
      })}
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

import { Alert, Card, Col, Row, Space, Statistic, Typography } from 'antd';
import { allHandovers, api } from '../../api/endpoints';
import { HANDOVER_STATUSES } from '../../api/types';
import { statusLabel } from '../../components/labels';
import { ProblemAlert } from '../../components/problems';
import { useAsync } from '../../components/useAsync';
import { buildDashboard } from '../../domain/dashboard';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { BiggestGapsCard } from './dashboard/BiggestGapsCard';
import { MatrixCard } from './dashboard/MatrixCard';

/** The county's picture: every township against every handed power, coloured by readiness. */
export default function DashboardPage() {
  const i18n = useI18n();
  const { user } = useSession();
  const department = user?.role === 'department' ? user.department : null;
  const state = useAsync(async () => {
    const [handovers, townships] = await Promise.all([allHandovers(), user?.countyId ? api.townships(user.countyId) : Promise.resolve([])]);
    const mine = department ? handovers.filter((handover) => handover.department === department) : handovers;
    return buildDashboard(mine, townships);
  }, [user?.countyId, department]);

  const dashboard = state.data;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="dashboard">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {i18n.t('dashboard.title')}
      </Typography.Title>
      {department && <Alert type="info" showIcon message={i18n.t('dashboard.departmentScope', { department })} />}
      <ProblemAlert error={state.error} onReload={state.reload} />
      <Row gutter={[16, 16]}>
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic
              title={i18n.t('dashboard.totalHandovers')}
              value={dashboard?.total ?? 0}
              loading={state.loading && !dashboard}
              data-testid="stat-total"
            />
          </Card>
        </Col>
        {HANDOVER_STATUSES.map((status) => (
          <Col xs={12} md={4} key={status}>
            <Card size="small">
              <Statistic
                title={statusLabel(i18n, status)}
                value={dashboard?.byStatus[status] ?? 0}
                loading={state.loading && !dashboard}
                data-testid={`stat-${status}`}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <MatrixCard dashboard={dashboard} loading={state.loading} />
      <BiggestGapsCard dashboard={dashboard} />
    </Space>
  );
}

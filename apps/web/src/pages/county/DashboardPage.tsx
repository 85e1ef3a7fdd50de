import { Alert, Card, Col, Row, Space, Statistic, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { allHandovers, api } from '../../api/endpoints';
import { HANDOVER_STATUSES } from '../../api/types';
import { itemLabel, resourceLabel, statusLabel } from '../../components/labels';
import { ProblemAlert } from '../../components/problems';
import { useAsync } from '../../components/useAsync';
import {
  buildDashboard,
  CELL_COLORS,
  CELL_STATES,
  cellStateOf,
  type BiggestGap,
  type CellState,
  type MatrixRow,
} from '../../domain/dashboard';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';

function Swatch({ state, label }: { state: CellState; label: string }) {
  const colors = CELL_COLORS[state];
  return (
    <Space size={4}>
      <span
        style={{
          display: 'inline-block',
          width: 14,
          height: 14,
          background: colors.background,
          border: `2px solid ${colors.border}`,
          borderRadius: 3,
        }}
      />
      <span>{label}</span>
    </Space>
  );
}

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
  const columns: ColumnsType<MatrixRow> = [
    {
      title: i18n.t('dashboard.township'),
      dataIndex: 'townshipName',
      fixed: 'left',
      width: 150,
      render: (name: string, row) => (row.teamId ? <Link to={`/teams/${row.teamId}`}>{name}</Link> : name),
    },
    ...(dashboard?.powers ?? []).map((power) => ({
      key: power.code,
      width: 130,
      align: 'center' as const,
      title: (
        <Tooltip title={power.name}>
          <div style={{ fontSize: 12, lineHeight: 1.3 }}>
            <div>{power.code}</div>
            <Typography.Text type="secondary" style={{ fontSize: 11 }} ellipsis>
              {power.name}
            </Typography.Text>
          </div>
        </Tooltip>
      ),
      render: (_: unknown, row: MatrixRow) => {
        const handover = row.cells[power.code];
        if (!handover)
          return (
            <span style={{ color: '#d9d9d9' }} data-testid={`cell-${row.townshipName}-${power.code}`} data-state="none">
              —
            </span>
          );
        const cell = cellStateOf(handover);
        const colors = CELL_COLORS[cell];
        return (
          <Link to={`/handovers/${handover.id}`}>
            <div
              data-testid={`cell-${row.townshipName}-${power.code}`}
              data-state={cell}
              style={{
                background: colors.background,
                border: `2px solid ${colors.border}`,
                color: colors.text,
                borderRadius: 4,
                padding: '4px 6px',
                fontSize: 12,
              }}
            >
              <div style={{ fontWeight: 600 }}>{i18n.t(`cell.${cell}`)}</div>
              <div style={{ fontSize: 11 }}>
                {cell === 'gaps' ? i18n.t('gap.count', { count: handover.readiness.gaps.length }) : statusLabel(i18n, handover.status)}
              </div>
            </div>
          </Link>
        );
      },
    })),
  ];

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
      <Card
        title={i18n.t('dashboard.matrix')}
        extra={
          <Space wrap size="middle" data-testid="legend">
            {CELL_STATES.map((cell) => (
              <Swatch key={cell} state={cell} label={`${i18n.t(`cell.${cell}`)} ${i18n.number(dashboard?.byCell[cell] ?? 0)}`} />
            ))}
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">{i18n.t('dashboard.matrixHint')}</Typography.Paragraph>
        <Table<MatrixRow>
          data-testid="matrix"
          rowKey="townshipId"
          size="small"
          bordered
          loading={state.loading && !dashboard}
          dataSource={dashboard?.rows ?? []}
          columns={columns}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (count) => i18n.t('app.total', { count }) }}
          locale={{ emptyText: i18n.t('dashboard.empty') }}
        />
      </Card>
      <Card title={i18n.t('dashboard.biggestGaps')}>
        <Table<BiggestGap>
          data-testid="biggest-gaps"
          size="small"
          rowKey={(gap) => `${gap.resource}:${gap.item}`}
          dataSource={dashboard?.biggestGaps ?? []}
          pagination={false}
          locale={{ emptyText: i18n.t('gap.none') }}
          columns={[
            { title: i18n.t('gap.resource'), dataIndex: 'resource', render: (value: string) => resourceLabel(i18n, value) },
            { title: i18n.t('gap.item'), key: 'item', render: (_, gap) => itemLabel(i18n, gap) },
            {
              title: i18n.t('dashboard.totalMissing'),
              dataIndex: 'missing',
              align: 'right',
              render: (value: number) => <strong style={{ color: '#cf1322' }}>{i18n.number(value)}</strong>,
            },
            { title: i18n.t('dashboard.affected'), dataIndex: 'handovers', align: 'right', render: (value: number) => i18n.number(value) },
            { title: i18n.t('dashboard.townships'), dataIndex: 'townships', align: 'right', render: (value: number) => i18n.number(value) },
          ]}
        />
      </Card>
    </Space>
  );
}

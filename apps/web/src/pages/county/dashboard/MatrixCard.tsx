import { Card, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { statusLabel } from '../../../components/labels';
import { CELL_COLORS, CELL_STATES, cellStateOf, type CellState, type Dashboard, type MatrixRow } from '../../../domain/dashboard';
import { useI18n } from '../../../i18n/i18n';

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

/** Every township against every handed power, coloured by state; the legend counts each state as the status cards do. */
export function MatrixCard({ dashboard, loading }: { dashboard: Dashboard | undefined; loading: boolean }) {
  const i18n = useI18n();
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
                {handover.readiness.gaps.length > 0
                  ? i18n.t('gap.count', { count: handover.readiness.gaps.length })
                  : statusLabel(i18n, handover.status)}
              </div>
            </div>
          </Link>
        );
      },
    })),
  ];

  return (
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
        loading={loading && !dashboard}
        dataSource={dashboard?.rows ?? []}
        columns={columns}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (count) => i18n.t('app.total', { count }) }}
        locale={{ emptyText: i18n.t('dashboard.empty') }}
      />
    </Card>
  );
}

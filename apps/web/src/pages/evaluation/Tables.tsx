import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { DepartmentTotals, EvaluationFlag, HandoverEvaluation, TownshipTotals } from '../../api/types';
import { StatusTag } from '../../components/Tags';
import { useI18n } from '../../i18n/i18n';
import { percent } from './figures';

/** Names of what the evaluation refers to by id or code, and the workbook of the whole period. */
export interface EvaluationContext {
  townshipName(townshipId: string): string;
  powerName(powerCode: string): string;
  partyName(department: string): string;
  /** The as-of page of a township, at the end of the period. */
  asOfPath(townshipId: string): string;
  exportSheet(): void;
  exporting: boolean;
}

const FLAG_COLORS: Record<EvaluationFlag, string> = { 'zero-use': 'orange', 'never-ready': 'red', 'recall-requested': 'purple' };

function TableCard({
  title,
  testId,
  context,
  extra,
  children,
}: {
  title: string;
  testId: string;
  context: EvaluationContext;
  extra?: ReactNode;
  children: ReactNode;
}) {
  const i18n = useI18n();
  return (
    <Card
      size="small"
      title={title}
      data-testid={testId}
      extra={
        <Button
          size="small"
          icon={<DownloadOutlined />}
          loading={context.exporting}
          onClick={context.exportSheet}
          data-testid={`${testId}-export`}
        >
          {i18n.t('evaluation.export')}
        </Button>
      }
    >
      {extra}
      {children}
    </Card>
  );
}

export function FlagTags({ flags }: { flags: readonly EvaluationFlag[] }) {
  const i18n = useI18n();
  return (
    <>
      {flags.map((flag) => (
        <Tag key={flag} color={FLAG_COLORS[flag]} data-flag={flag}>
          {i18n.t(`evaluation.flag.${flag}`)}
        </Tag>
      ))}
    </>
  );
}

function days(i18n: ReturnType<typeof useI18n>, value: number | null): string {
  return value === null ? '—' : i18n.t('evaluation.days', { count: i18n.number(value) });
}

/** Per handover: readiness, cases, reminders, recall requests, promised against delivered, flags. */
export function HandoversTable({
  rows,
  context,
  zeroUse = false,
}: {
  rows: HandoverEvaluation[];
  context: EvaluationContext;
  zeroUse?: boolean;
}) {
  const i18n = useI18n();
  const testId = zeroUse ? 'evaluation-zero-use' : 'evaluation-handovers';
  return (
    <TableCard
      title={i18n.t(zeroUse ? 'evaluation.table.zeroUse' : 'evaluation.table.handovers')}
      testId={testId}
      context={context}
      extra={
        zeroUse ? (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {i18n.t('evaluation.table.zeroUseHint')}
          </Typography.Paragraph>
        ) : undefined
      }
    >
      <Table<HandoverEvaluation>
        rowKey="handoverId"
        size="small"
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: true }}
        locale={{ emptyText: i18n.t(zeroUse ? 'app.none' : 'evaluation.empty') }}
        columns={[
          {
            title: i18n.t('evaluation.column.power'),
            key: 'power',
            fixed: 'left',
            render: (_, row) => (
              <Link to={`/handovers/${row.handoverId}`} data-testid="evaluation-handover-link">
                {context.powerName(row.powerCode)}
              </Link>
            ),
          },
          {
            title: i18n.t('evaluation.column.township'),
            dataIndex: 'townshipId',
            render: (townshipId: string) => <Link to={context.asOfPath(townshipId)}>{context.townshipName(townshipId)}</Link>,
          },
          { title: i18n.t('evaluation.column.department'), dataIndex: 'department' },
          {
            title: i18n.t('evaluation.column.status'),
            dataIndex: 'status',
            render: (status: HandoverEvaluation['status']) => <StatusTag status={status} />,
          },
          {
            title: i18n.t('evaluation.column.readyShare'),
            dataIndex: 'readyShare',
            align: 'right',
            sorter: (a, b) => (a.readyShare ?? -1) - (b.readyShare ?? -1),
            render: (share: number | null, row) => (
              <span title={`${i18n.number(row.readyDays)} / ${i18n.number(row.days)}`}>{percent(share)}</span>
            ),
          },
          {
            title: i18n.t('evaluation.column.daysToFirstReady'),
            dataIndex: 'daysToFirstReady',
            align: 'right',
            render: (value: number | null) => days(i18n, value),
          },
          { title: i18n.t('evaluation.column.cases'), dataIndex: 'cases', align: 'right', render: (value: number) => i18n.number(value) },
          {
            title: i18n.t('evaluation.column.remindersSent'),
            dataIndex: 'remindersSent',
            align: 'right',
            render: (value: number) => i18n.number(value),
          },
          {
            title: i18n.t('evaluation.column.recallRequests'),
            dataIndex: 'recallRequests',
            align: 'right',
            render: (value: number) => i18n.number(value),
          },
          {
            title: i18n.t('evaluation.column.committed'),
            key: 'committed',
            align: 'right',
            render: (_, row) => `${i18n.number(row.committedDelivered.promised)} / ${i18n.number(row.committedDelivered.delivered)}`,
          },
          {
            title: i18n.t('evaluation.column.lateDays'),
            key: 'lateDays',
            align: 'right',
            render: (_, row) => i18n.number(row.committedDelivered.lateDays),
          },
          { title: i18n.t('evaluation.column.flags'), dataIndex: 'flags', render: (flags: EvaluationFlag[]) => <FlagTags flags={flags} /> },
        ]}
      />
    </TableCard>
  );
}

/** Per township: its handovers' readiness and use added up, and the way to its as-of page. */
export function TownshipsTable({ rows, context }: { rows: TownshipTotals[]; context: EvaluationContext }) {
  const i18n = useI18n();
  return (
    <TableCard title={i18n.t('evaluation.table.townships')} testId="evaluation-townships" context={context}>
      <Table<TownshipTotals>
        rowKey="townshipId"
        size="small"
        dataSource={rows}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: i18n.t('evaluation.empty') }}
        columns={[
          {
            title: i18n.t('evaluation.column.township'),
            dataIndex: 'townshipId',
            fixed: 'left',
            render: (townshipId: string) => <Link to={context.asOfPath(townshipId)}>{context.townshipName(townshipId)}</Link>,
          },
          {
            title: i18n.t('evaluation.column.handovers'),
            dataIndex: 'handovers',
            align: 'right',
            render: (value: number) => i18n.number(value),
          },
          {
            title: i18n.t('evaluation.column.readyShare'),
            dataIndex: 'readyShare',
            align: 'right',
            render: (share: number | null) => percent(share),
          },
          { title: i18n.t('evaluation.column.cases'), dataIndex: 'cases', align: 'right', render: (value: number) => i18n.number(value) },
          {
            title: i18n.t('evaluation.column.remindersSent'),
            dataIndex: 'remindersSent',
            align: 'right',
            render: (value: number) => i18n.number(value),
          },
          {
            title: i18n.t('evaluation.column.recallRequests'),
            dataIndex: 'recallRequests',
            align: 'right',
            render: (value: number) => i18n.number(value),
          },
          {
            title: i18n.t('evaluation.column.zeroUse'),
            dataIndex: 'zeroUse',
            align: 'right',
            render: (value: number) => i18n.number(value),
          },
          {
            title: i18n.t('evaluation.column.neverReady'),
            dataIndex: 'neverReady',
            align: 'right',
            render: (value: number) => i18n.number(value),
          },
          {
            title: i18n.t('evaluation.column.whistles'),
            dataIndex: 'whistles',
            align: 'right',
            render: (value: number) => i18n.number(value),
          },
          {
            title: i18n.t('evaluation.column.committed'),
            key: 'committed',
            align: 'right',
            render: (_, row) => `${i18n.number(row.promised)} / ${i18n.number(row.delivered)}`,
          },
          {
            title: i18n.t('evaluation.column.asOf'),
            key: 'asOf',
            render: (_, row) => (
              <Link to={context.asOfPath(row.townshipId)} data-testid="evaluation-as-of-link">
                {i18n.t('evaluation.openAsOf')}
              </Link>
            ),
          },
        ]}
      />
    </TableCard>
  );
}

/** Per department (and 县级统筹): promised, delivered, on time, days late, gap days it answered for. */
export function DepartmentsTable({ rows, context }: { rows: DepartmentTotals[]; context: EvaluationContext }) {
  const i18n = useI18n();
  return (
    <TableCard title={i18n.t('evaluation.table.departments')} testId="evaluation-departments" context={context}>
      <Table<DepartmentTotals>
        rowKey="department"
        size="small"
        dataSource={rows}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: i18n.t('evaluation.empty') }}
        columns={[
          {
            title: i18n.t('evaluation.column.responsible'),
            dataIndex: 'department',
            fixed: 'left',
            render: (party: string) => context.partyName(party),
          },
          {
            title: i18n.t('evaluation.column.handovers'),
            dataIndex: 'handovers',
            align: 'right',
            render: (value: number) => i18n.number(value),
          },
          {
            title: i18n.t('evaluation.column.promised'),
            dataIndex: 'promised',
            align: 'right',
            render: (value: number) => i18n.number(value),
          },
          {
            title: i18n.t('evaluation.column.delivered'),
            dataIndex: 'delivered',
            align: 'right',
            render: (value: number) => i18n.number(value),
          },
          {
            title: i18n.t('evaluation.column.deliveredOnTime'),
            dataIndex: 'deliveredOnTime',
            align: 'right',
            render: (value: number) => i18n.number(value),
          },
          {
            title: i18n.t('evaluation.column.lateDays'),
            dataIndex: 'lateDays',
            align: 'right',
            render: (value: number) => i18n.number(value),
          },
          {
            title: i18n.t('evaluation.column.gapDays'),
            dataIndex: 'gapDays',
            align: 'right',
            sorter: (a, b) => a.gapDays - b.gapDays,
            render: (value: number) =>
              value > 0 ? <strong style={{ color: '#cf1322' }}>{i18n.number(value)}</strong> : i18n.number(value),
          },
          {
            title: i18n.t('evaluation.column.whistles'),
            dataIndex: 'whistles',
            align: 'right',
            render: (value: number) => i18n.number(value),
          },
          {
            title: i18n.t('evaluation.column.whistlesResolvedOnTime'),
            dataIndex: 'whistlesResolvedOnTime',
            align: 'right',
            render: (value: number) => i18n.number(value),
          },
          {
            title: i18n.t('evaluation.column.whistleScore'),
            dataIndex: 'whistleScore',
            align: 'right',
            render: (value: number | null) => (value === null ? '—' : i18n.number(value)),
          },
        ]}
      />
    </TableCard>
  );
}

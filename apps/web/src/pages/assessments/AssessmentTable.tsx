import { Table } from 'antd';
import type { DepartmentAssessment } from '../../api/types';
import { useI18n } from '../../i18n/i18n';

type CountColumn = 'whistles' | 'acceptedOnTime' | 'arrivedOnTime' | 'resolvedOnTime' | 'resolved' | 'satisfied';
const COUNTS: readonly CountColumn[] = ['whistles', 'acceptedOnTime', 'arrivedOnTime', 'resolvedOnTime', 'resolved', 'satisfied'];

/** GET /assessments/departments as a table: the counts, the townships' mean score and the 0–100 score, best first. */
export function AssessmentTable({ rows }: { rows: DepartmentAssessment[] }) {
  const i18n = useI18n();
  return (
    <Table<DepartmentAssessment>
      rowKey="department"
      size="small"
      data-testid="assessment-table"
      dataSource={rows}
      pagination={false}
      scroll={{ x: true }}
      locale={{ emptyText: i18n.t('assessment.empty') }}
      columns={[
        { title: i18n.t('assessment.column.department'), dataIndex: 'department', fixed: 'left' },
        ...COUNTS.map((key) => ({
          title: i18n.t(`assessment.column.${key}`),
          dataIndex: key,
          align: 'right' as const,
          render: (value: number) => i18n.number(value),
        })),
        {
          title: i18n.t('assessment.column.meanScore'),
          dataIndex: 'meanScore',
          align: 'right',
          render: (value: number | null) => (value === null ? '—' : value.toFixed(2)),
        },
        {
          title: i18n.t('assessment.column.score'),
          dataIndex: 'score',
          align: 'right',
          render: (value: number) => <strong data-testid="assessment-score">{value.toFixed(1)}</strong>,
        },
      ]}
    />
  );
}

import { Alert, Descriptions, Table } from 'antd';
import { ApiProblem } from '../../../api/http';
import type { DutyImportReport } from '../../../api/types';
import { fieldErrorText, ProblemAlert } from '../../../components/problems';
import { importErrorRows, type ImportErrorRow } from '../../../domain/import-report';
import { useI18n } from '../../../i18n/i18n';

/** The dry run's answer: the rows it would create, update or leave unchanged; or each bad cell by row and column (named by `columnLabel`, the duty sheet's by default). */
export function ImportReport({
  report,
  error,
  columnLabel,
}: {
  report?: DutyImportReport;
  error?: unknown;
  columnLabel?: (column: string) => string;
}) {
  const i18n = useI18n();
  if (report) {
    return (
      <div data-testid="import-report" style={{ marginTop: 16 }}>
        <Alert type="success" showIcon message={i18n.t('dutyImport.ok')} style={{ marginBottom: 12 }} />
        <Descriptions size="small" bordered column={3}>
          <Descriptions.Item label={i18n.t('dutyImport.created')}>{i18n.number(report.created)}</Descriptions.Item>
          <Descriptions.Item label={i18n.t('dutyImport.updated')}>{i18n.number(report.updated)}</Descriptions.Item>
          <Descriptions.Item label={i18n.t('dutyImport.unchanged')}>{i18n.number(report.unchanged)}</Descriptions.Item>
        </Descriptions>
      </div>
    );
  }
  const rows = error instanceof ApiProblem && error.status === 400 ? importErrorRows(error.fieldErrors) : [];
  if (rows.length === 0)
    return (
      <div style={{ marginTop: 16 }}>
        <ProblemAlert error={error} />
      </div>
    );
  return (
    <div data-testid="import-report" style={{ marginTop: 16 }}>
      <Alert type="warning" showIcon message={i18n.t('dutyImport.bad', { count: rows.length })} style={{ marginBottom: 12 }} />
      <Table<ImportErrorRow>
        data-testid="import-errors"
        size="small"
        rowKey={(row) => `${row.error.field}:${row.error.code}`}
        dataSource={rows}
        pagination={rows.length > 10 ? { pageSize: 10 } : false}
        columns={[
          { title: i18n.t('dutyImport.row'), dataIndex: 'row', width: 80 },
          {
            title: i18n.t('dutyImport.column'),
            dataIndex: 'column',
            width: 160,
            render: (column: string) => (columnLabel ? columnLabel(column) : i18n.tr(`duty.${column}`, column)),
          },
          { title: i18n.t('dutyImport.problem'), key: 'problem', render: (_, row) => fieldErrorText(i18n, row.error) },
        ]}
      />
    </div>
  );
}

import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { whistleApi, type Period } from '../api/whistles';
import { useCountyConfig } from '../app/county-config';
import { ProblemAlert } from '../components/problems';
import { useAsync } from '../components/useAsync';
import { useI18n } from '../i18n/i18n';
import { AssessmentTable } from './assessments/AssessmentTable';
import { ScoreChart } from './assessments/ScoreChart';

/** 部门考核: the two-way assessment of the departments for a period (this year so far by default), its chart and its spreadsheet. */
export default function AssessmentsPage() {
  const i18n = useI18n();
  const config = useCountyConfig();
  const today = config.today();
  const [period, setPeriod] = useState<Period>({ from: `${today.slice(0, 4)}-01-01`, to: today });
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>(undefined);
  const rows = useAsync(() => whistleApi.assessment(period), [period.from, period.to]);

  const exportSheet = async () => {
    setExporting(true);
    setExportError(undefined);
    try {
      await whistleApi.saveAssessmentSheet(period);
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="assessments">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {i18n.t('assessment.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{i18n.t('assessment.hint')}</Typography.Text>
      <Space wrap>
        <Typography.Text>{i18n.t('assessment.period')}</Typography.Text>
        <DatePicker.RangePicker
          allowClear={false}
          value={[dayjs(period.from), dayjs(period.to)]}
          onChange={(range) => {
            const [from, to] = range ?? [];
            if (from && to) setPeriod({ from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') });
          }}
          data-testid="assessment-period"
        />
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportSheet()} data-testid="assessment-export">
          {i18n.t('assessment.export')}
        </Button>
      </Space>
      <ProblemAlert error={rows.error ?? exportError} onReload={rows.reload} />
      <Card loading={rows.loading && !rows.data}>
        <AssessmentTable rows={rows.data ?? []} />
      </Card>
      <Card title={i18n.t('assessment.chart')} loading={rows.loading && !rows.data}>
        <ScoreChart rows={rows.data ?? []} />
      </Card>
    </Space>
  );
}

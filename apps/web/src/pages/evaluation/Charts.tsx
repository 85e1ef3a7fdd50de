// The charts library is imported only here, by the lazily loaded evaluation page: never part of the first load.
import { Bar, Column, Line } from '@ant-design/plots';
import { Card, Empty } from 'antd';
import type { DepartmentTotals, HandoverEvaluation, ReadinessPoint } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { gapDaysByParty, readinessLines, reminderHistogram } from './figures';

const HEIGHT = 300;

/** 具备占比: the share of days each township's handovers were ready, month by month (one line per township). */
export function ReadinessChart({ series, townshipName }: { series: ReadinessPoint[]; townshipName: (townshipId: string) => string }) {
  const i18n = useI18n();
  const data = readinessLines(series, townshipName);
  return (
    <Card size="small" title={i18n.t('evaluation.chart.readiness')}>
      <div data-testid="chart-readiness" style={{ height: HEIGHT }}>
        {data.length === 0 ? (
          <Empty description={i18n.t('evaluation.empty')} />
        ) : (
          <Line
            data={data}
            xField="month"
            yField="share"
            colorField="township"
            height={HEIGHT}
            autoFit
            point={{ shapeField: 'circle', sizeField: 3 }}
            scale={{ y: { domainMin: 0, domainMax: 100 } }}
            axis={{
              x: { title: i18n.t('evaluation.chart.month') },
              y: { title: i18n.t('evaluation.chart.share'), labelFormatter: (value: number) => `${value}%` },
            }}
            tooltip={{ channel: 'y', valueFormatter: (value: number) => `${value}%` }}
          />
        )}
      </div>
    </Card>
  );
}

/** 缺口天数 by the party responsible for the gaps (a department, or 县级统筹 for gaps nobody promised to fill). */
export function GapDaysChart({ departments }: { departments: DepartmentTotals[] }) {
  const i18n = useI18n();
  const data = gapDaysByParty(departments, (party) => (party === 'county-office' ? i18n.t('evaluation.countyOffice') : party));
  return (
    <Card size="small" title={i18n.t('evaluation.chart.gapDays')} style={{ height: '100%' }}>
      <div data-testid="chart-gap-days" style={{ height: HEIGHT }}>
        {data.length === 0 ? (
          <Empty description={i18n.t('evaluation.empty')} />
        ) : (
          <Bar
            data={data}
            xField="party"
            yField="gapDays"
            height={HEIGHT}
            autoFit
            style={{ fill: '#cf1322', maxWidth: 28 }}
            label={{ text: 'gapDays', position: 'right' }}
            axis={{ x: { title: false }, y: { title: i18n.t('evaluation.chart.gapDaysValue') } }}
          />
        )}
      </div>
    </Card>
  );
}

/** How long the townships took to close their gaps once reminded: closings per bucket of days. */
export function ReminderChart({ handovers }: { handovers: HandoverEvaluation[] }) {
  const i18n = useI18n();
  const data = reminderHistogram(handovers).map((bar) => ({ ...bar, label: i18n.t(`evaluation.bucket.${bar.bucket}`) }));
  return (
    <Card size="small" title={i18n.t('evaluation.chart.reminders')} style={{ height: '100%' }}>
      <div data-testid="chart-reminders" style={{ height: HEIGHT }}>
        <Column
          data={data}
          xField="label"
          yField="count"
          height={HEIGHT}
          autoFit
          style={{ maxWidth: 48 }}
          label={{ text: (bar: { count: number }) => (bar.count > 0 ? String(bar.count) : ''), position: 'top' }}
          axis={{
            x: { title: i18n.t('evaluation.chart.bucket') },
            // Closings are counted: whole numbers only on the axis.
            y: {
              title: i18n.t('evaluation.chart.closings'),
              labelFormatter: (value: number) => (Number.isInteger(value) ? String(value) : ''),
            },
          }}
        />
      </div>
    </Card>
  );
}

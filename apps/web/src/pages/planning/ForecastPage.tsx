import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, InputNumber, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { planningApi } from '../../api/planning';
import type { ForecastOpening, ScheduledTrainingClosing } from '../../api/types';
import { courseLabel } from '../../components/labels';
import { ProblemAlert } from '../../components/problems';
import { useAsync } from '../../components/useAsync';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { countyNames, type CountyNames } from './names';

/** 未来12个月缺口预测: month by month, the gaps that will open and those scheduled training will close, each with its handover. */
export default function ForecastPage() {
  const i18n = useI18n();
  const { user } = useSession();
  const [months, setMonths] = useState(12);
  const names = useAsync(() => countyNames(user?.countyId), [user?.countyId]);
  const forecast = useAsync(() => planningApi.forecast(months), [months]);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>(undefined);

  const exportSheet = async () => {
    setExporting(true);
    setExportError(undefined);
    try {
      await planningApi.saveForecastSheet(months, forecast.data?.from ?? '');
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="forecast">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {i18n.t('forecast.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{i18n.t('forecast.hint')}</Typography.Text>
      <Space wrap>
        <Typography.Text>{i18n.t('forecast.months')}</Typography.Text>
        <InputNumber
          min={1}
          max={24}
          precision={0}
          value={months}
          onChange={(value) => value && setMonths(value)}
          data-testid="forecast-months"
        />
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportSheet()} data-testid="forecast-export">
          {i18n.t('forecast.export')}
        </Button>
      </Space>
      <ProblemAlert error={forecast.error ?? names.error ?? exportError} onReload={forecast.reload} />
      <Card loading={(forecast.loading && !forecast.data) || (names.loading && !names.data)}>
        {forecast.data && names.data ? (
          <Timeline
            data-testid="forecast-timeline"
            items={forecast.data.months.map((month) => ({
              color: month.opens.length > 0 ? 'red' : month.closes.length > 0 ? 'green' : 'gray',
              children: (
                <div data-testid={`forecast-month-${month.month}`}>
                  <Typography.Text strong>{month.month}</Typography.Text>
                  {month.opens.length === 0 && month.closes.length === 0 ? (
                    <div>
                      <Typography.Text type="secondary">{i18n.t('forecast.nothing')}</Typography.Text>
                    </div>
                  ) : null}
                  {month.opens.map((opening, index) => (
                    <div key={`open-${index}`}>
                      <Tag color="red">{i18n.t('forecast.opens')}</Tag>
                      <OpeningText opening={opening} names={names.data!} />{' '}
                      <Link to={`/handovers/${opening.handoverId}`}>{i18n.t('forecast.open')}</Link>
                    </div>
                  ))}
                  {month.closes.map((closing, index) => (
                    <div key={`close-${index}`}>
                      <Tag color="green">{i18n.t('forecast.closes')}</Tag>
                      <ClosingText closing={closing} names={names.data!} />{' '}
                      <Link to={`/handovers/${closing.handoverId}`}>{i18n.t('forecast.open')}</Link>
                    </div>
                  ))}
                </div>
              ),
            }))}
          />
        ) : null}
      </Card>
    </Space>
  );
}

function OpeningText({ opening, names }: { opening: ForecastOpening; names: CountyNames }) {
  const i18n = useI18n();
  const about = { on: i18n.date(opening.on), township: names.township(opening.townshipId), power: names.power(opening.powerCode) };
  if (opening.reason === 'certificate-expiry')
    return (
      <span>
        {i18n.t('forecast.certificateExpiry', { ...about, officer: opening.officer.name, missing: i18n.number(opening.gap.missing) })}
      </span>
    );
  return <span>{i18n.t('forecast.entrustmentEnd', about)}</span>;
}

function ClosingText({ closing, names }: { closing: ScheduledTrainingClosing; names: CountyNames }) {
  const i18n = useI18n();
  return (
    <span>
      {i18n.t('forecast.scheduledTraining', {
        on: i18n.date(closing.on),
        department: closing.department,
        course: courseLabel(i18n, closing.course),
        township: names.township(closing.townshipId),
        power: names.power(closing.powerCode),
      })}
    </span>
  );
}

import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Row, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api/endpoints';
import { evaluationApi, type EvaluationQuery } from '../../api/evaluations';
import { useCountyConfig } from '../../app/county-config';
import { ProblemAlert } from '../../components/problems';
import { fieldErrorsOf } from './field-errors';
import { useAsync } from '../../components/useAsync';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { GapDaysChart, ReadinessChart, ReminderChart } from './Charts';
import { lastTwelveMonths } from './figures';
import { DepartmentsTable, HandoversTable, TownshipsTable, type EvaluationContext } from './Tables';

/**
 * 评估: a period of the ledger replayed (the last twelve months by default), optionally one township:
 * readiness over time, gap days by party responsible, how fast gaps closed once reminded, and the
 * tables behind them, each exportable as the server's workbook. The period and township are in the
 * address, so a link shows the same evaluation.
 */
export default function EvaluationPage() {
  const i18n = useI18n();
  const { user } = useSession();
  const config = useCountyConfig();
  const today = config.today();
  const [params, setParams] = useSearchParams();
  const fallback = lastTwelveMonths(today);
  const query: EvaluationQuery = {
    from: params.get('from') ?? fallback.from,
    to: params.get('to') ?? fallback.to,
    townshipId: params.get('townshipId') ?? undefined,
  };
  const evaluation = useAsync(() => evaluationApi.period(query), [query.from, query.to, query.townshipId]);
  const names = useAsync(async () => {
    const [townships, powers] = await Promise.all([
      user?.countyId ? api.townships(user.countyId).catch(() => []) : Promise.resolve([]),
      api.powers().catch(() => []),
    ]);
    return { townships, powers };
  }, [user?.countyId]);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>(undefined);

  const update = (next: Partial<EvaluationQuery>) => {
    const merged = { ...query, ...next };
    const search: Record<string, string> = { from: merged.from, to: merged.to };
    if (merged.townshipId) search.townshipId = merged.townshipId;
    setParams(search);
  };

  const context = useMemo<EvaluationContext>(() => {
    const townshipNames = new Map((names.data?.townships ?? []).map((township) => [township.id, township.name]));
    const powerNames = new Map((names.data?.powers ?? []).map((power) => [power.code, power.name]));
    // The as-of page at the end of the period (never after today).
    const asOfDate = query.to > today ? today : query.to;
    return {
      townshipName: (townshipId) => townshipNames.get(townshipId) ?? townshipId,
      powerName: (powerCode) => powerNames.get(powerCode) ?? powerCode,
      partyName: (party) => (party === 'county-office' ? i18n.t('evaluation.countyOffice') : party),
      asOfPath: (townshipId) => `/townships/${townshipId}/as-of?date=${asOfDate}`,
      exporting,
      exportSheet: () => {
        setExporting(true);
        setExportError(undefined);
        evaluationApi
          .savePeriodSheet(query)
          .catch((error: unknown) => setExportError(error))
          .finally(() => setExporting(false));
      },
    };
  }, [names.data, query.from, query.to, query.townshipId, today, exporting, i18n]);

  const data = evaluation.data;
  const loading = evaluation.loading && !data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="evaluation">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {i18n.t('evaluation.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{i18n.t('evaluation.hint')}</Typography.Text>
      <Card size="small">
        <Space wrap>
          <Typography.Text>{i18n.t('evaluation.period')}</Typography.Text>
          <DatePicker.RangePicker
            id="evaluation-period"
            allowClear={false}
            value={[dayjs(query.from), dayjs(query.to)]}
            disabledDate={(day) => day.format('YYYY-MM-DD') > today}
            onChange={(range) => {
              const [from, to] = range ?? [];
              if (from && to) update({ from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') });
            }}
            data-testid="evaluation-period"
          />
          <Typography.Text>{i18n.t('evaluation.township')}</Typography.Text>
          <Select<string>
            id="evaluation-township"
            data-testid="evaluation-township"
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 220 }}
            placeholder={i18n.t('evaluation.allTownships')}
            loading={names.loading}
            value={query.townshipId}
            onChange={(townshipId) => update({ townshipId })}
            options={(names.data?.townships ?? []).map((township) => ({ value: township.id, label: township.name }))}
          />
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={context.exportSheet} data-testid="evaluation-export">
            {i18n.t('evaluation.export')}
          </Button>
        </Space>
      </Card>
      <ProblemAlert
        error={evaluation.error ?? exportError ?? names.error}
        onReload={evaluation.reload}
        leftover={fieldErrorsOf(evaluation.error ?? exportError)}
      />
      {loading ? (
        <Card loading />
      ) : data ? (
        <>
          <ReadinessChart series={data.series} townshipName={context.townshipName} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <GapDaysChart departments={data.totals.departments} />
            </Col>
            <Col xs={24} xl={12}>
              <ReminderChart handovers={data.handovers} />
            </Col>
          </Row>
          <HandoversTable rows={data.handovers.filter((row) => row.flags.includes('zero-use'))} context={context} zeroUse />
          <HandoversTable rows={data.handovers} context={context} />
          <TownshipsTable rows={data.totals.townships} context={context} />
          <DepartmentsTable rows={data.totals.departments} context={context} />
        </>
      ) : null}
    </Space>
  );
}

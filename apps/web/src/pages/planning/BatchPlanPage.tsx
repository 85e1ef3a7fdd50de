import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, DatePicker, Descriptions, Form, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { planningApi } from '../../api/planning';
import type { Gap, HandoverBatchPlan, HandoverBatchRequest, Shortfall } from '../../api/types';
import { useCountyConfig } from '../../app/county-config';
import { itemLabel, courseLabel, kindLabel } from '../../components/labels';
import { ProblemAlert } from '../../components/problems';
import { useAsync } from '../../components/useAsync';
import { useI18n, type I18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { countyNames, type CountyNames } from './names';

/** 批量赋权评估 (成熟一批、赋予一批): townships × powers from a date — who is ready, who is not and why, and what is missing. */
export default function BatchPlanPage() {
  const i18n = useI18n();
  const { user } = useSession();
  const today = useCountyConfig().today();
  const names = useAsync(() => countyNames(user?.countyId), [user?.countyId]);
  const [townshipIds, setTownshipIds] = useState<string[]>([]);
  const [powerCodes, setPowerCodes] = useState<string[]>([]);
  const [effectiveOn, setEffectiveOn] = useState(today);
  const [asked, setAsked] = useState<HandoverBatchRequest | undefined>(undefined);
  const [plan, setPlan] = useState<HandoverBatchPlan | undefined>(undefined);
  const [busy, setBusy] = useState<'assess' | 'export' | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);

  const request: HandoverBatchRequest = { townshipIds, powerCodes, effectiveOn };
  const run = async (what: 'assess' | 'export') => {
    setBusy(what);
    setError(undefined);
    try {
      if (what === 'assess') {
        setPlan(await planningApi.plan(request));
        setAsked(request);
      } else await planningApi.savePlanSheet(request);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(undefined);
    }
  };
  const all = names.data?.townships ?? [];

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="batch-plan">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {i18n.t('plan.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{i18n.t('plan.hint')}</Typography.Text>
      <ProblemAlert error={names.error} onReload={names.reload} />
      <Card loading={names.loading && !names.data}>
        <Form layout="vertical">
          <Form.Item label={i18n.t('plan.townships')} required>
            <Space direction="vertical" style={{ width: '100%' }}>
              <Checkbox
                checked={all.length > 0 && townshipIds.length === all.length}
                indeterminate={townshipIds.length > 0 && townshipIds.length < all.length}
                onChange={(event) => setTownshipIds(event.target.checked ? all.map((township) => township.id) : [])}
                data-testid="plan-all-townships"
              >
                {i18n.t('plan.allTownships')}
              </Checkbox>
              <Select
                mode="multiple"
                allowClear
                value={townshipIds}
                onChange={setTownshipIds}
                optionFilterProp="label"
                options={all.map((township) => ({ value: township.id, label: township.name }))}
                id="plan-townships"
                data-testid="plan-townships"
              />
            </Space>
          </Form.Item>
          <Form.Item label={i18n.t('plan.powers')} required>
            <Select
              mode="multiple"
              allowClear
              value={powerCodes}
              onChange={setPowerCodes}
              optionFilterProp="label"
              options={(names.data?.powers ?? []).map((power) => ({ value: power.code, label: `${power.code} ${power.name}` }))}
              id="plan-powers"
              data-testid="plan-powers"
            />
          </Form.Item>
          <Form.Item label={i18n.t('plan.effectiveOn')} required>
            <DatePicker
              allowClear={false}
              value={dayjs(effectiveOn)}
              disabledDate={(day) => day.format('YYYY-MM-DD') < today}
              onChange={(day) => day && setEffectiveOn(day.format('YYYY-MM-DD'))}
              data-testid="plan-effective-on"
            />
          </Form.Item>
          <Space>
            <Button
              type="primary"
              loading={busy === 'assess'}
              disabled={townshipIds.length === 0 || powerCodes.length === 0}
              onClick={() => void run('assess')}
              data-testid="plan-assess"
            >
              {i18n.t('plan.assess')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              loading={busy === 'export'}
              disabled={townshipIds.length === 0 || powerCodes.length === 0}
              onClick={() => void run('export')}
              data-testid="plan-export"
            >
              {i18n.t('plan.export')}
            </Button>
          </Space>
        </Form>
      </Card>
      <ProblemAlert error={error} />
      {plan && asked && names.data ? (
        <PlanResult plan={plan} asked={asked} names={names.data} />
      ) : (
        <Alert type="info" message={i18n.t('plan.empty')} />
      )}
    </Space>
  );
}

interface MatrixRow {
  townshipId: string;
  cells: Map<string, Gap[]>;
}

function PlanResult({ plan, asked, names }: { plan: HandoverBatchPlan; asked: HandoverBatchRequest; names: CountyNames }) {
  const i18n = useI18n();
  const rows: MatrixRow[] = asked.townshipIds.map((townshipId) => ({ townshipId, cells: new Map() }));
  const byTownship = new Map(rows.map((row) => [row.townshipId, row]));
  for (const pair of plan.ready) byTownship.get(pair.townshipId)?.cells.set(pair.powerCode, []);
  for (const pair of plan.notReady) byTownship.get(pair.townshipId)?.cells.set(pair.powerCode, pair.gaps);
  return (
    <>
      <Card title={i18n.t('plan.matrix')} extra={i18n.t('plan.summary', { ready: plan.ready.length, notReady: plan.notReady.length })}>
        <Table<MatrixRow>
          data-testid="plan-matrix"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          rowKey="townshipId"
          dataSource={rows}
          columns={[
            { title: i18n.t('plan.townships'), key: 'township', fixed: 'left', render: (_, row) => names.township(row.townshipId) },
            ...asked.powerCodes.map((code) => ({
              title: <Tooltip title={names.power(code)}>{code}</Tooltip>,
              key: code,
              align: 'center' as const,
              render: (_: unknown, row: MatrixRow) => <PairCell gaps={row.cells.get(code)} />,
            })),
          ]}
        />
      </Card>
      <Card title={i18n.t('plan.missing')}>
        <Typography.Paragraph type="secondary">{i18n.t('plan.missingHint')}</Typography.Paragraph>
        <ShortfallView shortfall={plan.missing} testId="plan-missing" />
      </Card>
      <Card title={i18n.t('plan.byTownship')}>
        <Typography.Paragraph type="secondary">{i18n.t('plan.byTownshipHint')}</Typography.Paragraph>
        <Table
          data-testid="plan-by-township"
          size="small"
          pagination={false}
          rowKey="townshipId"
          dataSource={plan.byTownship}
          columns={[
            { title: i18n.t('plan.townships'), key: 'township', render: (_, row) => names.township(row.townshipId) },
            { title: i18n.t('plan.officers'), dataIndex: 'officers', align: 'right', render: (value: number) => i18n.number(value) },
            { title: i18n.t('plan.equipment'), key: 'equipment', render: (_, row) => equipmentText(i18n, row) },
            { title: i18n.t('plan.training'), key: 'training', render: (_, row) => trainingText(i18n, row) },
          ]}
        />
      </Card>
    </>
  );
}

function PairCell({ gaps }: { gaps: Gap[] | undefined }) {
  const i18n = useI18n();
  if (gaps === undefined) return null;
  if (gaps.length === 0)
    return (
      <Tag color="green" data-testid="plan-cell-ready">
        {i18n.t('plan.ready')}
      </Tag>
    );
  return (
    <Tooltip
      title={
        <ul style={{ margin: 0, paddingLeft: 16 }}>
          {gaps.map((gap) => (
            <li key={`${gap.resource}:${gap.item}`}>
              {itemLabel(i18n, gap)}：{i18n.t('gap.missing')} {i18n.number(gap.missing)}（{i18n.number(gap.available)}/
              {i18n.number(gap.required)}）
            </li>
          ))}
        </ul>
      }
    >
      <Tag color="red" data-testid="plan-cell-gaps">
        {i18n.t('plan.notReady', { count: gaps.length })}
      </Tag>
    </Tooltip>
  );
}

function equipmentText(i18n: I18n, shortfall: Shortfall): string {
  return shortfall.equipment.map((line) => `${kindLabel(i18n, line.kind)} × ${i18n.number(line.quantity)}`).join('；') || '—';
}

function trainingText(i18n: I18n, shortfall: Shortfall): string {
  return (
    shortfall.training
      .map((line) =>
        i18n.t('plan.trainingLine', {
          course: courseLabel(i18n, line.course),
          officers: i18n.number(line.officers),
          hours: i18n.number(line.hours),
        }),
      )
      .join('；') || '—'
  );
}

function ShortfallView({ shortfall, testId }: { shortfall: Shortfall; testId: string }) {
  const i18n = useI18n();
  if (shortfall.officers === 0 && shortfall.equipment.length === 0 && shortfall.training.length === 0)
    return <Alert type="success" showIcon message={i18n.t('plan.nothingMissing')} data-testid={`${testId}-none`} />;
  return (
    <Descriptions bordered size="small" column={1} data-testid={testId}>
      <Descriptions.Item label={i18n.t('plan.officers')}>
        {i18n.t('plan.officersCount', { count: i18n.number(shortfall.officers) })}
      </Descriptions.Item>
      <Descriptions.Item label={i18n.t('plan.equipment')}>{equipmentText(i18n, shortfall)}</Descriptions.Item>
      <Descriptions.Item label={i18n.t('plan.training')}>{trainingText(i18n, shortfall)}</Descriptions.Item>
    </Descriptions>
  );
}

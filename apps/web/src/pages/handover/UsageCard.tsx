import { Button, Card, DatePicker, Form, InputNumber, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/endpoints';
import type { Handover } from '../../api/types';
import { useCountyConfig } from '../../app/county-config';
import { useToast } from '../../app/toast';
import { ProblemAlert } from '../../components/problems';
import { useAsync } from '../../components/useAsync';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useI18n } from '../../i18n/i18n';
import { can, useSession } from '../../session/session';

/** Most cases one month may record (the API's limit). */
const CASES_MAX = 100_000;

interface UsageForm {
  month: Dayjs;
  cases: number;
}

/**
 * 办件量: the months of the handover with the figure standing for each, and for its township (or the
 * county office) a small form to record a month — from the month it was recorded to this one.
 */
export function UsageCard({ handover, onRecorded }: { handover: Handover; onRecorded(): void }) {
  const i18n = useI18n();
  const config = useCountyConfig();
  const message = useToast();
  const { user } = useSession();
  const [form] = Form.useForm<UsageForm>();
  const { busy, submit, problem } = useFormSubmit(form);
  const usage = useAsync(() => api.usage(handover.id), [handover.id, handover.version]);
  const writable = can(user).recordUsage(handover.townshipId);
  const first = dayjs(handover.recordedAt).startOf('month');
  const last = dayjs(config.today()).endOf('month');

  const record = () =>
    submit(async ({ month, cases }) => {
      const recorded = await api.recordUsage(handover.id, { month: month.format('YYYY-MM'), cases });
      message.success(i18n.t('usage.recorded', { month: recorded.month, cases: i18n.number(recorded.cases) }));
      await usage.reload();
      onRecorded();
    });

  return (
    <Card title={i18n.t('usage.title')} data-testid="usage" loading={usage.loading && !usage.data}>
      <ProblemAlert error={usage.error} onReload={usage.reload} />
      <Table
        data-testid="usage-months"
        size="small"
        rowKey="month"
        dataSource={usage.data?.months ?? []}
        pagination={(usage.data?.months.length ?? 0) > 12 ? { pageSize: 12 } : false}
        locale={{ emptyText: i18n.t('usage.none') }}
        columns={[
          { title: i18n.t('usage.month'), dataIndex: 'month' },
          { title: i18n.t('usage.cases'), dataIndex: 'cases', align: 'right', render: (cases: number) => i18n.number(cases) },
        ]}
      />
      {writable && (
        <Space direction="vertical" style={{ marginTop: 16, width: '100%' }}>
          <Typography.Text type="secondary">{i18n.t('usage.help')}</Typography.Text>
          <Form form={form} name="usage" layout="inline" onFinish={() => void record()} data-testid="usage-form">
            <Form.Item name="month" label={i18n.t('usage.month')} rules={[{ required: true, message: i18n.t('usage.monthRequired') }]}>
              <DatePicker
                picker="month"
                format="YYYY-MM"
                disabledDate={(month) => month.isBefore(first) || month.isAfter(last)}
                data-testid="usage-month"
              />
            </Form.Item>
            <Form.Item name="cases" label={i18n.t('usage.cases')} rules={[{ required: true, message: i18n.t('usage.casesRequired') }]}>
              <InputNumber min={0} max={CASES_MAX} precision={0} data-testid="usage-cases" />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={busy} data-testid="usage-submit">
                {i18n.t('usage.record')}
              </Button>
            </Form.Item>
          </Form>
          {problem()}
        </Space>
      )}
    </Card>
  );
}

import { Button, Form, Input, Radio, Space } from 'antd';
import { adjustmentsApi } from '../../../api/adjustments';
import { useToast } from '../../../app/toast';
import { useRules } from '../../../components/fields';
import { useFormSubmit } from '../../../components/useFormSubmit';
import { useI18n } from '../../../i18n/i18n';
import type { QueueEntry } from './queue';

interface DecisionValues {
  yes: boolean;
  reason: string;
  decisionRef?: string;
  department?: string;
}

/**
 * The county office's decision, always with a reason: a recall approved (with its 文号; for a duty
 * item, optionally the department that takes it) or rejected; a task admitted or refused.
 */
export function DecideForm({ entry, onDecided }: { entry: QueueEntry; onDecided(): void }) {
  const i18n = useI18n();
  const message = useToast();
  const [form] = Form.useForm<DecisionValues>();
  const submission = useFormSubmit(form);
  const r = useRules();
  const yes = Form.useWatch('yes', form);
  const recall = entry.kind === 'recall';
  const decide = (values: DecisionValues) =>
    submission.submit(async (given) => {
      const reason = given.reason.trim();
      if (entry.kind === 'admission') await adjustmentsApi.decideAdmission(entry.id, { admitted: given.yes, reason });
      else {
        const department = given.department?.trim();
        await adjustmentsApi.decideRecall(entry.id, {
          approved: given.yes,
          reason,
          ...(given.yes && given.decisionRef ? { decisionRef: given.decisionRef.trim() } : {}),
          ...(given.yes && department ? { department } : {}),
        });
      }
      message.success(i18n.t('decisions.decided'));
      onDecided();
    }, values);
  return (
    <div data-testid="decide">
      {submission.problem()}
      <Form form={form} name="decide" layout="vertical" onFinish={(values) => void decide(values)}>
        <Form.Item
          name="yes"
          label={i18n.t('decisions.decision')}
          rules={[{ required: true, message: i18n.t('decisions.chooseDecision') }]}
        >
          <Radio.Group data-testid="decide-choice">
            <Radio.Button value={true}>{i18n.t(recall ? 'decisions.approve' : 'decisions.admit')}</Radio.Button>
            <Radio.Button value={false}>{i18n.t(recall ? 'decisions.reject' : 'decisions.refuse')}</Radio.Button>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="reason" label={i18n.t('decisions.reason')} rules={r.text}>
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        {recall && yes === true && (
          <Form.Item name="decisionRef" label={i18n.t('decisions.decisionRef')} rules={r.label}>
            <Input placeholder="沾编办〔2025〕7号" />
          </Form.Item>
        )}
        {recall && yes === true && entry.request.dutyCode && (
          <Form.Item name="department" label={i18n.t('decisions.takenBy')} rules={r.optionalLabel} extra={i18n.t('decisions.takenByHelp')}>
            <Input />
          </Form.Item>
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={submission.busy} danger={yes === false} data-testid="decide-submit">
            {i18n.t('decisions.submit')}
          </Button>
        </Space>
      </Form>
    </div>
  );
}

import { Alert, Button, Form, Input, Radio, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/endpoints';
import type { Handover } from '../api/types';
import { useToast } from '../app/toast';
import { useI18n } from '../i18n/i18n';
import { useRules } from './fields';
import { gapsSummary } from './labels';
import { useFormSubmit } from './useFormSubmit';

type Answer = 'accept' | 'conditional' | 'contest';

/**
 * The township's answer to a recorded handover: accept (only when ready: with gaps it is not offered,
 * and the panel says why), accept conditionally with a reason, or contest with a reason. Nothing is
 * chosen for the township.
 */
export function AnswerPanel({
  handover,
  onAnswered,
  onReload,
}: {
  handover: Handover;
  onAnswered: (updated: Handover) => void;
  onReload: () => void;
}) {
  const i18n = useI18n();
  const message = useToast();
  const [answer, setAnswer] = useState<Answer | undefined>(undefined);
  const [form] = Form.useForm<{ reason?: string }>();
  const submission = useFormSubmit(form);
  const r = useRules();
  const gaps = handover.readiness.gaps;
  const label: Record<Answer, string> = {
    accept: i18n.t('handover.accept'),
    conditional: i18n.t('handover.acceptConditional'),
    contest: i18n.t('handover.contest'),
  };
  const help: Record<Answer, string> = {
    accept: i18n.t('handover.acceptHelp'),
    conditional: i18n.t('handover.conditionalHelp'),
    contest: i18n.t('handover.contestHelp'),
  };

  const send = (values: { reason?: string }) =>
    submission.submit(async () => {
      const reason = values.reason?.trim();
      const updated =
        answer === 'contest'
          ? await api.contest(handover.id, reason ?? '')
          : await api.accept(handover.id, answer === 'conditional' ? { conditional: true, reason } : {});
      message.success(answer === 'contest' ? i18n.t('handover.contested') : i18n.t('handover.accepted'));
      form.resetFields();
      onAnswered(updated);
    }, values);

  return (
    <div data-testid={`answer-${handover.id}`}>
      <Radio.Group
        value={answer}
        onChange={(event) => setAnswer(event.target.value as Answer)}
        optionType="button"
        buttonStyle="solid"
        style={{ marginBottom: 12 }}
        options={(['accept', 'conditional', 'contest'] as const).map((value) => ({
          value,
          label: label[value],
          disabled: value === 'accept' && gaps.length > 0,
        }))}
      />
      {gaps.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="accept-not-possible"
          message={i18n.t('handover.notReadyHint', { count: gaps.length })}
          description={gapsSummary(i18n, gaps)}
          action={
            <Link to={`/teams/${handover.teamId}`}>
              <Button size="small">{i18n.t('problem.fixGaps')}</Button>
            </Link>
          }
        />
      )}
      <Typography.Paragraph type="secondary">{answer === undefined ? i18n.t('handover.chooseAnswer') : help[answer]}</Typography.Paragraph>
      {submission.problem({ onReload, teamId: handover.teamId })}
      <Form form={form} name={`answer-${handover.id}`} layout="vertical" onFinish={send}>
        {answer !== undefined && answer !== 'accept' && (
          <Form.Item name="reason" label={i18n.t('handover.reason')} rules={r.text}>
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
        )}
        <Button
          type="primary"
          htmlType="submit"
          loading={submission.busy}
          disabled={answer === undefined}
          danger={answer === 'contest'}
          data-testid="answer-submit"
        >
          {answer === undefined ? i18n.t('handover.answer') : label[answer]}
        </Button>
      </Form>
    </div>
  );
}

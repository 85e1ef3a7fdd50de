import { useToast } from '../app/toast';
import { Alert, Button, Form, Input, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/endpoints';
import type { FieldError, Handover } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { applyFieldErrors, ProblemAlert } from './problems';

type Answer = 'accept' | 'conditional' | 'contest';

/**
 * The township's answer to a recorded handover: accept (only when ready; the API refuses with the
 * gaps otherwise), accept conditionally with a reason, or contest with a reason.
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
  const [answer, setAnswer] = useState<Answer>(handover.readiness.ready ? 'accept' : 'conditional');
  const [form] = Form.useForm<{ reason?: string }>();
  const [error, setError] = useState<unknown>(undefined);
  const [leftover, setLeftover] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const gapCount = handover.readiness.gaps.length;

  const submit = async (values: { reason?: string }) => {
    setBusy(true);
    setError(undefined);
    setLeftover([]);
    try {
      const reason = values.reason?.trim();
      const updated =
        answer === 'contest'
          ? await api.contest(handover.id, reason ?? '')
          : await api.accept(handover.id, answer === 'conditional' ? { conditional: true, reason } : {});
      message.success(answer === 'contest' ? i18n.t('handover.contested') : i18n.t('handover.accepted'));
      form.resetFields();
      onAnswered(updated);
    } catch (caught) {
      setLeftover(applyFieldErrors(form, caught));
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid={`answer-${handover.id}`}>
      <Radio.Group
        value={answer}
        onChange={(event) => setAnswer(event.target.value as Answer)}
        optionType="button"
        buttonStyle="solid"
        style={{ marginBottom: 12 }}
        options={[
          { value: 'accept', label: i18n.t('handover.accept') },
          { value: 'conditional', label: i18n.t('handover.acceptConditional') },
          { value: 'contest', label: i18n.t('handover.contest') },
        ]}
      />
      <Typography.Paragraph type="secondary">
        {answer === 'accept'
          ? i18n.t('handover.acceptHelp')
          : answer === 'conditional'
            ? i18n.t('handover.conditionalHelp')
            : i18n.t('handover.contestHelp')}
      </Typography.Paragraph>
      {answer === 'accept' && gapCount > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={i18n.t('handover.notReadyHint', { count: gapCount })}
          action={
            <Link to={`/teams/${handover.teamId}`}>
              <Button size="small">{i18n.t('handover.openTeam')}</Button>
            </Link>
          }
        />
      )}
      <ProblemAlert error={error} leftover={leftover} onReload={onReload} teamId={handover.teamId} />
      <Form form={form} name={`answer-${handover.id}`} layout="vertical" onFinish={submit}>
        {answer !== 'accept' && (
          <Form.Item
            name="reason"
            label={i18n.t('handover.reason')}
            rules={[{ required: true, whitespace: true, message: i18n.t('handover.reasonRequired') }, { max: 500 }]}
          >
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} danger={answer === 'contest'} data-testid="answer-submit">
            {answer === 'accept'
              ? i18n.t('handover.accept')
              : answer === 'conditional'
                ? i18n.t('handover.acceptConditional')
                : i18n.t('handover.contest')}
          </Button>
        </Space>
      </Form>
    </div>
  );
}

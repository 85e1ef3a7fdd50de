import { Form, Input, Typography } from 'antd';
import { api } from '../../api/endpoints';
import { useToast } from '../../app/toast';
import { useRules } from '../../components/fields';
import { FormDialog } from '../../components/FormDialog';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useI18n } from '../../i18n/i18n';
import type { HandoverDialogProps } from './SummaryCard';

/** Revokes the handover, with the reason. */
export function RevokeDialog({ handover, open, onClose, onDone, onReload }: HandoverDialogProps) {
  const i18n = useI18n();
  const message = useToast();
  const [form] = Form.useForm<{ reason: string }>();
  const submission = useFormSubmit(form);
  const r = useRules();
  const revoke = () =>
    submission.submit(async ({ reason }) => {
      const next = await api.revoke(handover.id, reason.trim());
      message.success(i18n.t('handover.revoked'));
      form.resetFields();
      onClose();
      onDone(next);
    });
  return (
    <FormDialog
      open={open}
      title={i18n.t('handover.revoke')}
      submission={submission}
      onOk={revoke}
      onClose={onClose}
      onReload={onReload}
      okText={i18n.t('handover.revoke')}
      danger
    >
      <Typography.Paragraph type="secondary">{i18n.t('handover.revokeHelp')}</Typography.Paragraph>
      <Form form={form} name="revoke" layout="vertical">
        <Form.Item name="reason" label={i18n.t('handover.revokeReason')} rules={r.text}>
          <Input.TextArea autoSize={{ minRows: 3 }} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

import { Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { adjustmentsApi } from '../../api/adjustments';
import type { RecallRequest } from '../../api/types';
import { useToast } from '../../app/toast';
import { useRules } from '../../components/fields';
import { FormDialog } from '../../components/FormDialog';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useI18n } from '../../i18n/i18n';

/** What is handed back: a handed power (by its handover) or an item of the township's duty list. */
export type RecallTarget = { handoverId: string } | { dutyCode: string };

/**
 * 申请收回: a button that opens the request form (reason required, blank refused here and by the API)
 * for one item of a township; any list of items can place it in a row.
 */
export function RecallButton({
  townshipId,
  target,
  label,
  onFiled,
  size,
}: {
  townshipId: string;
  target: RecallTarget;
  /** The item as people know it, shown in the dialog. */
  label: string;
  onFiled?: (request: RecallRequest) => void;
  size?: 'small' | 'middle';
}) {
  const i18n = useI18n();
  const message = useToast();
  const [open, setOpen] = useState(false);
  // Mounted from the first opening on (a list has a button per row; what was typed survives closing).
  const [opened, setOpened] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const submission = useFormSubmit(form);
  const r = useRules();
  const file = () =>
    submission.submit(async ({ reason }) => {
      const request = await adjustmentsApi.fileRecall({ townshipId, ...target, reason: reason.trim() });
      message.success(i18n.t('recall.filed'));
      form.resetFields();
      setOpen(false);
      onFiled?.(request);
    });
  const key = 'handoverId' in target ? target.handoverId : target.dutyCode;
  return (
    <>
      <Button
        size={size}
        onClick={() => {
          setOpened(true);
          setOpen(true);
        }}
        data-testid="recall-open"
        data-item={key}
      >
        {i18n.t('recall.request')}
      </Button>
      {opened && (
        <FormDialog
          open={open}
          title={i18n.t('recall.request')}
          submission={submission}
          onOk={() => void file()}
          onClose={() => setOpen(false)}
          okText={i18n.t('app.submit')}
          testId="recall-submit"
        >
          <Typography.Paragraph>
            <Typography.Text strong data-testid="recall-item">
              {label}
            </Typography.Text>
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">{i18n.t('recall.help')}</Typography.Paragraph>
          <Form form={form} name={`recall-${key}`} layout="vertical">
            <Form.Item name="reason" label={i18n.t('recall.reason')} rules={r.text}>
              <Input.TextArea autoSize={{ minRows: 3 }} data-testid="recall-reason" />
            </Form.Item>
          </Form>
        </FormDialog>
      )}
    </>
  );
}

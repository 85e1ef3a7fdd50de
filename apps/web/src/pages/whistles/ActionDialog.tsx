import { Form } from 'antd';
import type { ReactNode } from 'react';
import { useToast } from '../../app/toast';
import { FormDialog } from '../../components/FormDialog';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useI18n } from '../../i18n/i18n';

/** One step of a whistle that asks for fields (a result, a reason, a score…): the form in a dialog, sent, then the page reloads. */
export function ActionDialog<Values extends object>({
  open,
  name,
  title,
  okText,
  danger,
  initialValues,
  send,
  onClose,
  onDone,
  children,
}: {
  open: boolean;
  /** The form's name: its fields' ids and the OK button's test id (`<name>-submit`). */
  name: string;
  title: string;
  okText?: string;
  danger?: boolean;
  initialValues?: Partial<Values>;
  send(values: Values): Promise<unknown>;
  onClose(): void;
  onDone(): Promise<void>;
  children: ReactNode;
}) {
  const i18n = useI18n();
  const message = useToast();
  const [form] = Form.useForm<Values>();
  const submission = useFormSubmit(form);
  const ok = () =>
    submission.submit(async (values) => {
      await send(values);
      message.success(i18n.t('whistle.done'));
      form.resetFields();
      onClose();
      await onDone();
    });
  return (
    <FormDialog
      open={open}
      title={title}
      submission={submission}
      onOk={ok}
      onClose={onClose}
      onReload={() => void onDone()}
      okText={okText ?? title}
      danger={danger}
      testId={`${name}-submit`}
    >
      <Form<Values> form={form} name={name} layout="vertical" initialValues={initialValues}>
        {children}
      </Form>
    </FormDialog>
  );
}

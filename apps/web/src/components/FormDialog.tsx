import { Modal } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import type { FormSubmit } from './useFormSubmit';

/** A form in a dialog: OK submits, the refusal is explained above the form, the form stays rendered (and typed) while closed. */
export function FormDialog<Values>({
  open,
  title,
  submission,
  onOk,
  onClose,
  onReload,
  okText,
  danger,
  width,
  testId,
  children,
}: {
  open: boolean;
  title: ReactNode;
  submission: FormSubmit<Values>;
  onOk(): void;
  onClose(): void;
  /** Offered with a stale version (409) or a failed load. */
  onReload?: () => void;
  okText?: string;
  danger?: boolean;
  width?: number;
  testId?: string;
  children: ReactNode;
}) {
  const i18n = useI18n();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={onOk}
      confirmLoading={submission.busy}
      okText={okText ?? i18n.t('app.save')}
      okButtonProps={{ danger, ...(testId ? { 'data-testid': testId } : {}) }}
      width={width}
      forceRender
    >
      {submission.problem(onReload ? { onReload } : {})}
      {children}
    </Modal>
  );
}

import { Alert, Modal, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { ApiProblem } from '../api/http';
import { useI18n } from '../i18n/i18n';
import { applyFieldErrors } from './fieldErrors';
import { explain } from './explain';

/** antd's validateFields rejects with the fields it marked: nothing more to show. */
function isFormValidation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'errorFields' in error;
}

/** Puts the API's field errors beside the form's fields; throws (to be shown above them) what no field shows. */
export function placeFieldErrors(form: FormInstance, caught: unknown): void {
  const leftover = applyFieldErrors(form, caught);
  if (!(caught instanceof ApiProblem) || caught.fieldErrors.length === 0 || leftover.length > 0) throw caught;
}

/** A modal form: Save runs `onSubmit`, busy meanwhile; a refusal it throws is explained above the form. */
export function FormDialog(props: { title: string; open?: boolean; onClose(): void; onSubmit(): Promise<void>; children: ReactNode }) {
  const i18n = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await props.onSubmit();
    } catch (caught) {
      if (!isFormValidation(caught)) setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setError(undefined);
    props.onClose();
  };
  return (
    <Modal
      open={props.open ?? true}
      title={props.title}
      onOk={submit}
      onCancel={close}
      confirmLoading={busy}
      okText={i18n.t('app.save')}
      cancelText={i18n.t('app.cancel')}
    >
      {error !== undefined && <Alert type="error" showIcon message={explain(i18n, error)} style={{ marginBottom: 12 }} />}
      {props.children}
    </Modal>
  );
}

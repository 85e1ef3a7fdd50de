import { Form } from 'antd';
import { useEffect } from 'react';
import { api } from '../../api/endpoints';
import type { Commitments } from '../../api/types';
import { useToast } from '../../app/toast';
import { committedFrom, CommittedEditor } from '../../components/CommittedEditor';
import { FormDialog } from '../../components/FormDialog';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useI18n } from '../../i18n/i18n';
import type { HandoverDialogProps } from './SummaryCard';

/** Amends what the department commits (a recorded or contested handover), against the version shown. */
export function AmendDialog({ handover, open, onClose, onDone, onReload }: HandoverDialogProps) {
  const i18n = useI18n();
  const message = useToast();
  const [form] = Form.useForm<{ committed: Commitments }>();
  const submission = useFormSubmit(form);
  const { clear } = submission;
  useEffect(() => {
    if (!open) return;
    clear();
    form.setFieldsValue({ committed: handover.committed });
  }, [open]);
  const save = () =>
    submission.submit(async (values) => {
      const next = await api.amend(handover.id, committedFrom(values.committed), handover.version);
      message.success(i18n.t('handover.amended'));
      onClose();
      onDone(next);
    });
  return (
    <FormDialog
      open={open}
      title={i18n.t('handover.amend')}
      submission={submission}
      onOk={save}
      onClose={onClose}
      onReload={onReload}
      width={820}
    >
      <Form form={form} name="amend" layout="vertical">
        <CommittedEditor />
      </Form>
    </FormDialog>
  );
}

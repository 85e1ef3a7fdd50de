import { Form } from 'antd';
import { useEffect } from 'react';
import { api } from '../../../api/endpoints';
import type { Power, Requirements } from '../../../api/types';
import { useToast } from '../../../app/toast';
import { RequirementsEditor } from '../../../components/RequirementsEditor';
import { FormDialog } from '../../../components/FormDialog';
import { useFormSubmit } from '../../../components/useFormSubmit';
import { useI18n } from '../../../i18n/i18n';
import { cleanRequirements } from './requirements';

/** Revises a power's requirements against the version shown; on a stale version the latest can be taken, the edit kept. */
export function ReviseDialog({
  power,
  onClose,
  onRevised,
}: {
  power: Power | undefined;
  onClose(): void;
  onRevised(power: Power, close: boolean): void;
}) {
  const i18n = useI18n();
  const message = useToast();
  const [form] = Form.useForm<{ requirements: Requirements }>();
  const submission = useFormSubmit(form);
  const { clear } = submission;
  useEffect(() => {
    if (!power) return;
    clear();
    form.setFieldsValue({ requirements: power.requirements });
  }, [power?.code]);
  const revise = () =>
    submission.submit(async (values) => {
      if (!power) return;
      const revised = await api.reviseRequirements(power.code, cleanRequirements(values.requirements), power.version);
      message.success(i18n.t('catalogue.revised'));
      onRevised(revised, true);
    });
  /** A stale version: take the latest version, keep the dialog (and what was typed) for another try. */
  const takeLatest = async () => {
    if (!power) return;
    const latest = await api.power(power.code);
    clear();
    onRevised(latest, false);
  };
  return (
    <FormDialog
      open={power !== undefined}
      title={i18n.t('catalogue.reviseTitle', { name: power ? `${power.code} ${power.name}` : '' })}
      submission={submission}
      onOk={revise}
      onClose={onClose}
      width={760}
      onReload={() => void takeLatest()}
    >
      <Form<{ requirements: Requirements }> form={form} name="requirements" layout="vertical">
        <RequirementsEditor category={power?.category} />
      </Form>
    </FormDialog>
  );
}

import { Form, Input } from 'antd';
import { api } from '../../api/endpoints';
import { DateInput, useRules } from '../../components/fields';
import { FormDialog } from '../../components/FormDialog';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useI18n } from '../../i18n/i18n';
import { useTeamWriteDone, type TeamDialogProps } from './team-context';

interface OfficerForm {
  name: string;
  certificateNumber: string;
  certificateExpiresOn: string;
  secondedFrom?: string;
}

/** Adds an officer to the team. */
export function OfficerDialog({ team, open, onClose, onDone }: TeamDialogProps) {
  const i18n = useI18n();
  const [form] = Form.useForm<OfficerForm>();
  const submission = useFormSubmit(form);
  const done = useTeamWriteDone(form, { onClose, onDone });
  const r = useRules();
  const save = () =>
    submission.submit(async (values) => {
      await api.addOfficer(team.id, {
        name: values.name.trim(),
        certificateNumber: values.certificateNumber.trim(),
        certificateExpiresOn: values.certificateExpiresOn,
        ...(values.secondedFrom?.trim() ? { secondedFrom: values.secondedFrom.trim() } : {}),
      });
      await done(i18n.t('team.officerAdded'));
    });
  return (
    <FormDialog
      open={open}
      title={i18n.t('team.addOfficer')}
      submission={submission}
      onOk={save}
      onClose={onClose}
      testId="officer-submit"
      onReload={() => void onDone()}
    >
      <Form<OfficerForm> form={form} name="officer" layout="vertical">
        <Form.Item name="name" label={i18n.t('team.name')} rules={r.label}>
          <Input />
        </Form.Item>
        <Form.Item name="certificateNumber" label={i18n.t('team.certificateNumber')} rules={r.label}>
          <Input />
        </Form.Item>
        <Form.Item name="certificateExpiresOn" label={i18n.t('team.certificateExpiresOn')} rules={r.date}>
          <DateInput />
        </Form.Item>
        <Form.Item name="secondedFrom" label={i18n.t('team.secondedFrom')} rules={r.optionalLabel}>
          <Input placeholder="市场监管局" />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

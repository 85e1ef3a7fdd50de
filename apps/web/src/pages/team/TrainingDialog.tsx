import { Form, InputNumber, Select } from 'antd';
import { api } from '../../api/endpoints';
import { useCountyConfig } from '../../app/county-config';
import { DateInput, TermSelect, useRules } from '../../components/fields';
import { FormDialog } from '../../components/FormDialog';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useI18n } from '../../i18n/i18n';
import { useTeamWriteDone, type TeamDialogProps } from './team-context';

interface TrainingForm {
  officerIds: string[];
  course: string;
  hours: number;
  completedOn: string;
}

/** Training completed by one or more officers (one record each). */
export function TrainingDialog({ team, open, onClose, onDone }: TeamDialogProps) {
  const i18n = useI18n();
  const config = useCountyConfig();
  const [form] = Form.useForm<TrainingForm>();
  const submission = useFormSubmit(form);
  const done = useTeamWriteDone(form, { onClose, onDone });
  const r = useRules();
  const save = () =>
    submission.submit(async (values) => {
      // One record per officer; the ones already written are not sent again on a retry.
      for (const officerId of values.officerIds) {
        await api.recordTraining(team.id, {
          officerId,
          course: values.course,
          hours: values.hours,
          completedOn: values.completedOn,
        });
        form.setFieldValue(
          'officerIds',
          (form.getFieldValue('officerIds') as string[]).filter((id) => id !== officerId),
        );
      }
      await done(i18n.t('team.trainingRecorded'));
    });
  const notFuture = {
    validator: async (_: unknown, value: unknown) => {
      if (typeof value === 'string' && value > config.today()) throw new Error(i18n.t('team.notFuture'));
    },
  };
  return (
    <FormDialog
      open={open}
      title={i18n.t('team.recordTraining')}
      submission={submission}
      onOk={save}
      onClose={onClose}
      testId="training-submit"
      onReload={() => void onDone()}
    >
      <Form<TrainingForm> form={form} name="training" layout="vertical" initialValues={{ completedOn: config.today() }}>
        <Form.Item
          name="officerIds"
          label={i18n.t('team.officer')}
          rules={[{ required: true, type: 'array', min: 1, message: i18n.t('record.required') }]}
        >
          <Select
            mode="multiple"
            optionFilterProp="label"
            options={team.officers.map((officer) => ({ value: officer.officerId, label: officer.name }))}
          />
        </Form.Item>
        <Form.Item name="course" label={i18n.t('team.course')} rules={r.picked}>
          <TermSelect vocabulary="training-courses" width={320} />
        </Form.Item>
        <Form.Item name="hours" label={i18n.t('team.hours')} rules={r.positive}>
          <InputNumber min={0} />
        </Form.Item>
        <Form.Item name="completedOn" label={i18n.t('team.completedOn')} rules={[...r.date, notFuture]}>
          <DateInput />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

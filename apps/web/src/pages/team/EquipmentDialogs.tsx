import { Form, Input, InputNumber, Select } from 'antd';
import { api } from '../../api/endpoints';
import type { EquipmentLine } from '../../api/types';
import { useTeamWriteDone, type TeamDialogProps } from './team-context';
import { TermSelect, useRules } from '../../components/fields';
import { kindLabel } from '../../components/labels';
import { FormDialog } from '../../components/FormDialog';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useI18n } from '../../i18n/i18n';

/** Equipment received by the team. */
export function ReceiveDialog({ team, open, onClose, onDone }: TeamDialogProps) {
  const i18n = useI18n();
  const [form] = Form.useForm<EquipmentLine>();
  const submission = useFormSubmit(form);
  const done = useTeamWriteDone(form, { onClose, onDone });
  const r = useRules();
  const save = () =>
    submission.submit(async (values) => {
      await api.receiveEquipment(team.id, { kind: values.kind, quantity: values.quantity });
      await done(i18n.t('team.received'));
    });
  return (
    <FormDialog
      open={open}
      title={i18n.t('team.receive')}
      submission={submission}
      onOk={save}
      onClose={onClose}
      testId="receive-submit"
      onReload={() => void onDone()}
    >
      <Form<EquipmentLine> form={form} name="receive" layout="vertical" initialValues={{ quantity: 1 }}>
        <Form.Item name="kind" label={i18n.t('team.kind')} rules={r.picked}>
          <TermSelect vocabulary="equipment-kinds" width={320} />
        </Form.Item>
        <Form.Item name="quantity" label={i18n.t('team.quantity')} rules={r.wholePositive}>
          <InputNumber min={1} precision={0} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

/** Equipment written off (no more than is on hand), with the reason. */
export function WriteOffDialog({ team, open, onClose, onDone }: TeamDialogProps) {
  const i18n = useI18n();
  const [form] = Form.useForm<EquipmentLine & { reason: string }>();
  const submission = useFormSubmit(form);
  const done = useTeamWriteDone(form, { onClose, onDone });
  const r = useRules();
  const onHand = (kind: string | undefined) => team.equipment.find((line) => line.kind === kind)?.quantity ?? 0;
  const save = () =>
    submission.submit(async (values) => {
      await api.writeOffEquipment(team.id, { kind: values.kind, quantity: values.quantity, reason: values.reason.trim() });
      await done(i18n.t('team.writtenOff'));
    });
  const notMoreThanOnHand = ({ getFieldValue }: { getFieldValue(name: string): unknown }) => ({
    validator: async (_: unknown, value: unknown) => {
      const available = onHand(getFieldValue('kind') as string | undefined);
      if (typeof value === 'number' && value > available)
        throw new Error(i18n.t('team.writeOffTooMany', { count: i18n.number(available) }));
    },
  });
  return (
    <FormDialog
      open={open}
      title={i18n.t('team.writeOff')}
      submission={submission}
      onOk={save}
      onClose={onClose}
      okText={i18n.t('team.writeOff')}
      danger
      onReload={() => void onDone()}
    >
      <Form<EquipmentLine & { reason: string }> form={form} name="writeOff" layout="vertical" initialValues={{ quantity: 1 }}>
        <Form.Item name="kind" label={i18n.t('team.kind')} rules={[r.required]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={team.equipment.map((line) => ({
              value: line.kind,
              label: `${kindLabel(i18n, line.kind)} (${i18n.number(line.quantity)})`,
            }))}
          />
        </Form.Item>
        <Form.Item name="quantity" label={i18n.t('team.quantity')} dependencies={['kind']} rules={[...r.wholePositive, notMoreThanOnHand]}>
          <InputNumber min={1} precision={0} />
        </Form.Item>
        <Form.Item name="reason" label={i18n.t('team.writeOffReason')} rules={r.text}>
          <Input.TextArea autoSize={{ minRows: 2 }} placeholder="损坏报废" />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { api } from '../../api/endpoints';
import type { EquipmentLine, Team } from '../../api/types';
import { useToast } from '../../app/toast';
import { KindInput, useRules } from '../../components/fields';
import { kindLabel } from '../../components/labels';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useI18n } from '../../i18n/i18n';

interface DialogProps {
  team: Team;
  open: boolean;
  onClose(): void;
  onDone(): Promise<void>;
}

/** Equipment received by the team. */
export function ReceiveDialog({ team, open, onClose, onDone }: DialogProps) {
  const i18n = useI18n();
  const message = useToast();
  const [form] = Form.useForm<EquipmentLine>();
  const submission = useFormSubmit(form);
  const r = useRules();
  const save = () =>
    submission.submit(async (values) => {
      await api.receiveEquipment(team.id, { kind: values.kind.trim(), quantity: values.quantity });
      message.success(i18n.t('team.received'));
      form.resetFields();
      onClose();
      await onDone();
    });
  return (
    <Modal
      open={open}
      title={i18n.t('team.receive')}
      onCancel={onClose}
      onOk={save}
      confirmLoading={submission.busy}
      okText={i18n.t('app.save')}
      forceRender
      okButtonProps={{ 'data-testid': 'receive-submit' }}
    >
      {submission.problem({ onReload: () => void onDone() })}
      <Form<EquipmentLine> form={form} name="receive" layout="vertical" initialValues={{ quantity: 1 }}>
        <Form.Item name="kind" label={i18n.t('team.kind')} rules={r.label}>
          <KindInput />
        </Form.Item>
        <Form.Item name="quantity" label={i18n.t('team.quantity')} rules={r.wholePositive}>
          <InputNumber min={1} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Equipment written off (no more than is on hand), with the reason. */
export function WriteOffDialog({ team, open, onClose, onDone }: DialogProps) {
  const i18n = useI18n();
  const message = useToast();
  const [form] = Form.useForm<EquipmentLine & { reason: string }>();
  const submission = useFormSubmit(form);
  const r = useRules();
  const onHand = (kind: string | undefined) => team.equipment.find((line) => line.kind === kind)?.quantity ?? 0;
  const save = () =>
    submission.submit(async (values) => {
      await api.writeOffEquipment(team.id, { kind: values.kind, quantity: values.quantity, reason: values.reason.trim() });
      message.success(i18n.t('team.writtenOff'));
      form.resetFields();
      onClose();
      await onDone();
    });
  const notMoreThanOnHand = ({ getFieldValue }: { getFieldValue(name: string): unknown }) => ({
    validator: async (_: unknown, value: unknown) => {
      const available = onHand(getFieldValue('kind') as string | undefined);
      if (typeof value === 'number' && value > available)
        throw new Error(i18n.t('team.writeOffTooMany', { count: i18n.number(available) }));
    },
  });
  return (
    <Modal
      open={open}
      title={i18n.t('team.writeOff')}
      onCancel={onClose}
      onOk={save}
      confirmLoading={submission.busy}
      okText={i18n.t('team.writeOff')}
      okButtonProps={{ danger: true }}
      forceRender
    >
      {submission.problem({ onReload: () => void onDone() })}
      <Form<EquipmentLine & { reason: string }> form={form} name="writeOff" layout="vertical" initialValues={{ quantity: 1 }}>
        <Form.Item name="kind" label={i18n.t('team.kind')} rules={[r.required]}>
          <Select
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
    </Modal>
  );
}

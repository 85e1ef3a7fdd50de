import { Form, Input } from 'antd';
import { useRules } from '../../components/fields';
import { ActionDialog } from './ActionDialog';

/** A step that takes one text: the result of a resolution (办结), the reason of an objection (退回) or a reopening. */
export function ReasonDialog({
  open,
  name,
  title,
  field,
  label,
  danger,
  send,
  onClose,
  onDone,
}: {
  open: boolean;
  name: string;
  title: string;
  field: 'result' | 'reason';
  label: string;
  danger?: boolean;
  send(text: string): Promise<unknown>;
  onClose(): void;
  onDone(): Promise<void>;
}) {
  const r = useRules();
  return (
    <ActionDialog<Record<string, string>>
      open={open}
      name={name}
      title={title}
      danger={danger}
      send={(values) => send((values[field] ?? '').trim())}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item name={field} label={label} rules={r.text}>
        <Input.TextArea autoSize={{ minRows: 3 }} />
      </Form.Item>
    </ActionDialog>
  );
}

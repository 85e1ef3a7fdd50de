import { DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { whistleApi } from '../../api/whistles';
import { useRules } from '../../components/fields';
import { useI18n } from '../../i18n/i18n';
import { ActionDialog } from './ActionDialog';

interface Values {
  until: Dayjs;
  reason: string;
}

/** The lead department asks the county office for a later deadline of the step in progress, before it passes. */
export function ExtensionDialog({ id, open, onClose, onDone }: { id: string; open: boolean; onClose(): void; onDone(): Promise<void> }) {
  const i18n = useI18n();
  const r = useRules();
  return (
    <ActionDialog<Values>
      open={open}
      name="extension"
      title={i18n.t('whistle.action.extension')}
      send={({ until, reason }) => whistleApi.requestExtension(id, { until: until.toISOString(), reason: reason.trim() })}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item name="until" label={i18n.t('whistle.field.until')} rules={[{ required: true, message: i18n.t('record.required') }]}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="reason" label={i18n.t('whistle.field.reason')} rules={r.text}>
        <Input.TextArea autoSize={{ minRows: 2 }} />
      </Form.Item>
    </ActionDialog>
  );
}

import { Form, Input, Radio } from 'antd';
import { whistleApi } from '../../api/whistles';
import type { DecideExtension, Whistle } from '../../api/types';
import { useRules } from '../../components/fields';
import { useI18n } from '../../i18n/i18n';
import { ActionDialog } from './ActionDialog';

/** The county office grants or refuses the extension a lead department asked for. */
export function DecisionDialog({
  whistle,
  open,
  onClose,
  onDone,
}: {
  whistle: Whistle;
  open: boolean;
  onClose(): void;
  onDone(): Promise<void>;
}) {
  const i18n = useI18n();
  const r = useRules();
  const request = whistle.extensionRequest;
  return (
    <ActionDialog<DecideExtension>
      open={open}
      name="decision"
      title={i18n.t('whistle.action.decide')}
      initialValues={{ granted: true }}
      send={({ granted, reason }) => whistleApi.decideExtension(whistle.id, { granted, reason: reason.trim() })}
      onClose={onClose}
      onDone={onDone}
    >
      {request && (
        <p>
          {i18n.t('whistle.dueBy', { step: i18n.t(`whistle.step.${request.step}`), date: i18n.dateTime(request.until) })} · {request.reason}
        </p>
      )}
      <Form.Item name="granted" label={i18n.t('whistle.field.granted')}>
        <Radio.Group
          options={[
            { value: true, label: i18n.t('whistle.grant') },
            { value: false, label: i18n.t('whistle.refuse') },
          ]}
        />
      </Form.Item>
      <Form.Item name="reason" label={i18n.t('whistle.field.reason')} rules={r.text}>
        <Input.TextArea autoSize={{ minRows: 2 }} />
      </Form.Item>
    </ActionDialog>
  );
}

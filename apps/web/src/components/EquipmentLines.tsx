import { Form, InputNumber } from 'antd';
import { useI18n } from '../i18n/i18n';
import { TermSelect, useRules } from './fields';
import { LinesField } from './LinesField';

/** Equipment lines (kind, quantity) under `name`: a power's requirements and a handover's commitments alike. */
export function EquipmentLines({
  name,
  lineTestId,
  addTestId,
}: {
  name: string[];
  lineTestId?: (index: number) => string;
  addTestId?: string;
}) {
  const i18n = useI18n();
  const r = useRules();
  return (
    <LinesField
      name={name}
      newLine={{ kind: '', quantity: 1 }}
      {...(lineTestId ? { lineTestId } : {})}
      {...(addTestId ? { addTestId } : {})}
    >
      {(field) => (
        <>
          <Form.Item name={[field.name, 'kind']} label={i18n.t('record.kind')} rules={r.picked}>
            <TermSelect vocabulary="equipment-kinds" />
          </Form.Item>
          <Form.Item name={[field.name, 'quantity']} label={i18n.t('record.quantity')} rules={r.wholePositive}>
            <InputNumber min={1} precision={0} />
          </Form.Item>
        </>
      )}
    </LinesField>
  );
}

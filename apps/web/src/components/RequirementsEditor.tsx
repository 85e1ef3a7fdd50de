import { Form, InputNumber, Typography } from 'antd';
import type { PowerCategory } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { TermSelect, useRules } from './fields';
import { EquipmentLines } from './EquipmentLines';
import { LinesField } from './LinesField';

/**
 * The requirements of a power under `requirements` in the surrounding Form: certified officers,
 * equipment lines and training lines. Duplicate lines are left to the API (its field errors show here).
 */
export function RequirementsEditor({ category }: { category?: PowerCategory | undefined }) {
  const i18n = useI18n();
  const r = useRules();
  const needsTwo = category === 'penalty' || category === 'coercion';
  return (
    <>
      <Form.Item
        name={['requirements', 'certifiedOfficers']}
        label={i18n.t('catalogue.certifiedOfficers')}
        extra={i18n.t('catalogue.certifiedOfficersHelp')}
        rules={[
          { required: true, message: i18n.t('record.required') },
          { type: 'integer', min: 0, max: 1000, message: i18n.t('record.wholeNumber') },
          {
            validator: async (_, value: unknown) =>
              needsTwo && typeof value === 'number' && value < 2 ? Promise.reject(new Error(i18n.t('catalogue.atLeastTwo'))) : undefined,
          },
        ]}
      >
        <InputNumber min={0} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Typography.Text strong>{i18n.t('catalogue.equipment')}</Typography.Text>
      <EquipmentLines
        name={['requirements', 'equipment']}
        lineTestId={(index) => `equipment-line-${index}`}
        addTestId="add-equipment-line"
      />
      <Typography.Text strong>{i18n.t('catalogue.training')}</Typography.Text>
      <LinesField name={['requirements', 'training']} newLine={{ course: '', hours: 4 }} addTestId="add-training-line">
        {(field) => (
          <>
            <Form.Item name={[field.name, 'course']} label={i18n.t('record.course')} rules={r.picked}>
              <TermSelect vocabulary="training-courses" width={220} />
            </Form.Item>
            <Form.Item name={[field.name, 'hours']} label={i18n.t('record.hours')} rules={r.positive}>
              <InputNumber min={0} />
            </Form.Item>
          </>
        )}
      </LinesField>
    </>
  );
}

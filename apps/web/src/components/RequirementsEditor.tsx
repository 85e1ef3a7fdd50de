import { Form, InputNumber, Typography } from 'antd';
import type { PowerCategory } from '../api/types';
import { useI18n } from '../i18n/i18n';

import { EquipmentLines } from './EquipmentLines';
import { TrainingLines } from './TrainingLines';

/**
 * The requirements of a power under `requirements` in the surrounding Form: certified officers,
 * equipment lines and training lines. Duplicate lines are left to the API (its field errors show here).
 */
export function RequirementsEditor({ category }: { category?: PowerCategory | undefined }) {
  const i18n = useI18n();
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
      <TrainingLines name={['requirements', 'training']} addTestId="add-training-line" />
    </>
  );
}

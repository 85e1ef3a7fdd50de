import { Form, InputNumber, Typography } from 'antd';
import { EquipmentLines } from '../../../components/EquipmentLines';

import { TrainingLines } from '../../../components/TrainingLines';
import { useI18n } from '../../../i18n/i18n';

/** The means that come with a task, under `means` in the surrounding Form: staff, budget, equipment lines, training lines. */
export function MeansFields() {
  const i18n = useI18n();
  const count = [{ type: 'integer', min: 0, max: 100000, message: i18n.t('admission.wholeOrZero') }] as const;
  return (
    <>
      <Typography.Paragraph type="secondary">{i18n.t('admission.meansHelp')}</Typography.Paragraph>
      <Form.Item name={['means', 'staff']} label={i18n.t('admission.staff')} rules={[...count]}>
        <InputNumber min={0} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        name={['means', 'budgetYuan']}
        label={i18n.t('record.budget')}
        rules={[{ type: 'number', min: 0, max: 1e12, message: i18n.t('admission.notNegative') }]}
      >
        <InputNumber min={0} style={{ width: 200 }} />
      </Form.Item>
      <Typography.Text strong>{i18n.t('record.equipment')}</Typography.Text>
      <EquipmentLines name={['means', 'equipment']} addTestId="means-add-equipment" />
      <Typography.Text strong>{i18n.t('record.training')}</Typography.Text>
      <TrainingLines name={['means', 'training']} addTestId="means-add-training" />
    </>
  );
}

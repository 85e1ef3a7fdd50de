import { Form, Input, InputNumber, Typography } from 'antd';
import type { Commitments } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { DateInput, useRules } from './fields';
import { EquipmentLines } from './EquipmentLines';
import { LinesField } from './LinesField';
import { TrainingLines } from './TrainingLines';

/** The committed resources under `committed` in the surrounding Form (officers, equipment, training, budget). */
export function CommittedEditor() {
  const i18n = useI18n();
  const r = useRules();
  return (
    <>
      <Typography.Text strong>{i18n.t('record.officers')}</Typography.Text>
      <LinesField name={['committed', 'officers']} newLine={{ name: '', certificateNumber: '' }}>
        {(field) => (
          <>
            <Form.Item name={[field.name, 'name']} label={i18n.t('record.officerName')} rules={r.label}>
              <Input style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name={[field.name, 'certificateNumber']} label={i18n.t('record.certificateNumber')} rules={r.label}>
              <Input style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name={[field.name, 'certificateExpiresOn']} label={i18n.t('record.certificateExpiresOn')} rules={r.date}>
              <DateInput />
            </Form.Item>
          </>
        )}
      </LinesField>
      <Typography.Text strong>{i18n.t('record.equipment')}</Typography.Text>
      <EquipmentLines name={['committed', 'equipment']} />
      <Typography.Text strong>{i18n.t('record.training')}</Typography.Text>
      <TrainingLines
        name={['committed', 'training']}
        more={(field) => (
          <Form.Item name={[field.name, 'scheduledOn']} label={i18n.t('record.scheduledOn')} rules={r.date}>
            <DateInput />
          </Form.Item>
        )}
      />
      <Form.Item name={['committed', 'budgetYuan']} label={i18n.t('record.budget')} rules={[{ type: 'number', min: 0, max: 1e12 }]}>
        <InputNumber min={0} style={{ width: 200 }} />
      </Form.Item>
    </>
  );
}

/** Form values → the API's `committed` (empty lines dropped, budget only when given). */
export function committedFrom(value: unknown): Commitments {
  const source = (value ?? {}) as Record<string, unknown>;
  const list = (key: string) =>
    Array.isArray(source[key]) ? (source[key] as unknown[]).filter((line) => line !== undefined && line !== null) : [];
  const committed: Record<string, unknown> = { officers: list('officers'), equipment: list('equipment'), training: list('training') };
  if (typeof source.budgetYuan === 'number') committed.budgetYuan = source.budgetYuan;
  return committed as Commitments;
}

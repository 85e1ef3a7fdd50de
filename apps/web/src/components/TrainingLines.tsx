import { Form, InputNumber, type FormListFieldData } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { TermSelect, useRules } from './fields';
import { LinesField } from './LinesField';

/**
 * Training lines (course, hours, and the fields `more` adds, such as a date) under `name`: a power's
 * requirements, a handover's commitments and the means that come with a task alike.
 */
export function TrainingLines({
  name,
  addTestId,
  more,
}: {
  name: string[];
  addTestId?: string;
  more?: (field: FormListFieldData) => ReactNode;
}) {
  const i18n = useI18n();
  const r = useRules();
  return (
    <LinesField name={name} newLine={{ course: '', hours: 4 }} {...(addTestId ? { addTestId } : {})}>
      {(field) => (
        <>
          <Form.Item name={[field.name, 'course']} label={i18n.t('record.course')} rules={r.picked}>
            <TermSelect vocabulary="training-courses" width={220} />
          </Form.Item>
          <Form.Item name={[field.name, 'hours']} label={i18n.t('record.hours')} rules={r.positive}>
            <InputNumber min={0} />
          </Form.Item>
          {more?.(field)}
        </>
      )}
    </LinesField>
  );
}

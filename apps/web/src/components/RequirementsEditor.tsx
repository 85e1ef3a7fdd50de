import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, InputNumber, Input, Space, Typography } from 'antd';
import type { PowerCategory } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { KindInput, rules } from './fields';

/**
 * The requirements of a power under `requirements` in the surrounding Form: certified officers,
 * equipment lines and training lines. Duplicate lines are left to the API (its field errors show here).
 */
export function RequirementsEditor({ category }: { category?: PowerCategory | undefined }) {
  const i18n = useI18n();
  const r = rules(i18n);
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
          { validator: async (_, value: unknown) => (needsTwo && typeof value === 'number' && value < 2 ? Promise.reject(new Error(i18n.t('catalogue.atLeastTwo'))) : undefined) },
        ]}
      >
        <InputNumber min={0} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Typography.Text strong>{i18n.t('catalogue.equipment')}</Typography.Text>
      <Form.List name={['requirements', 'equipment']}>
        {(fields, { add, remove }) => (
          <div style={{ margin: '8px 0 16px' }}>
            {fields.map((field) => (
              <Space key={field.key} align="baseline" wrap style={{ display: 'flex' }} data-testid={`equipment-line-${field.name}`}>
                <Form.Item name={[field.name, 'kind']} label={i18n.t('record.kind')} rules={r.label}>
                  <KindInput />
                </Form.Item>
                <Form.Item name={[field.name, 'quantity']} label={i18n.t('record.quantity')} rules={r.wholePositive}>
                  <InputNumber min={1} precision={0} />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={i18n.t('app.remove')} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: '', quantity: 1 })} data-testid="add-equipment-line">
              {i18n.t('catalogue.addLine')}
            </Button>
          </div>
        )}
      </Form.List>
      <Typography.Text strong>{i18n.t('catalogue.training')}</Typography.Text>
      <Form.List name={['requirements', 'training']}>
        {(fields, { add, remove }) => (
          <div style={{ margin: '8px 0 16px' }}>
            {fields.map((field) => (
              <Space key={field.key} align="baseline" wrap style={{ display: 'flex' }}>
                <Form.Item name={[field.name, 'course']} label={i18n.t('record.course')} rules={r.label}>
                  <Input style={{ width: 220 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'hours']} label={i18n.t('record.hours')} rules={r.positive}>
                  <InputNumber min={0} />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={i18n.t('app.remove')} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ course: '', hours: 4 })} data-testid="add-training-line">
              {i18n.t('catalogue.addLine')}
            </Button>
          </div>
        )}
      </Form.List>
    </>
  );
}

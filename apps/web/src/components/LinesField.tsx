import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Space } from 'antd';
import type { FormListFieldData } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

/**
 * A list of lines under `name` in the surrounding Form (officers, equipment, training): each line's
 * fields from `children`, a remove icon per line, and a button adding `newLine`.
 */
export function LinesField({
  name,
  newLine,
  children,
  lineTestId,
  addTestId,
}: {
  name: string[];
  newLine: Record<string, unknown>;
  children: (field: FormListFieldData) => ReactNode;
  lineTestId?: (index: number) => string;
  addTestId?: string;
}) {
  const i18n = useI18n();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <div style={{ margin: '8px 0 16px' }}>
          {fields.map((field) => (
            <Space key={field.key} align="baseline" wrap style={{ display: 'flex' }} data-testid={lineTestId?.(field.name)}>
              {children(field)}
              <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={i18n.t('app.remove')} />
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(newLine)} data-testid={addTestId}>
            {i18n.t('catalogue.addLine')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

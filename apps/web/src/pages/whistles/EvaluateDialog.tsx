import { Form, Input, Radio, Rate } from 'antd';
import { whistleApi } from '../../api/whistles';
import type { EvaluateWhistle } from '../../api/types';
import { useCountyConfig } from '../../app/county-config';
import { useI18n } from '../../i18n/i18n';
import { ActionDialog } from './ActionDialog';

/** The township scores the resolution 1–5 and says whether it is satisfied; the whistle closes. */
export function EvaluateDialog({ id, open, onClose, onDone }: { id: string; open: boolean; onClose(): void; onDone(): Promise<void> }) {
  const i18n = useI18n();
  const { limits } = useCountyConfig();
  return (
    <ActionDialog<EvaluateWhistle>
      open={open}
      name="evaluate"
      title={i18n.t('whistle.action.evaluate')}
      send={({ comment, ...values }) => whistleApi.evaluate(id, { ...values, ...(comment?.trim() ? { comment: comment.trim() } : {}) })}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item name="score" label={i18n.t('whistle.field.score')} rules={[{ required: true, message: i18n.t('record.required') }]}>
        <Rate allowClear={false} data-testid="evaluate-score" />
      </Form.Item>
      <Form.Item
        name="satisfied"
        label={i18n.t('whistle.field.satisfied')}
        rules={[{ required: true, message: i18n.t('record.required') }]}
      >
        <Radio.Group
          options={[
            { value: true, label: i18n.t('whistle.yes') },
            { value: false, label: i18n.t('whistle.no') },
          ]}
        />
      </Form.Item>
      <Form.Item name="comment" label={i18n.t('whistle.field.comment')} rules={[{ max: limits.text }]}>
        <Input.TextArea autoSize={{ minRows: 2 }} />
      </Form.Item>
    </ActionDialog>
  );
}

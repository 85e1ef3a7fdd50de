import { Form, Input, Radio, Select } from 'antd';
import { api } from '../../api/endpoints';
import { whistleApi } from '../../api/whistles';
import type { DutyListItem, RaiseWhistle } from '../../api/types';
import { useRules } from '../../components/fields';
import { useAsync } from '../../components/useAsync';
import { useI18n } from '../../i18n/i18n';
import { ActionDialog } from './ActionDialog';

type Values = Omit<RaiseWhistle, 'townshipId'>;
const NONE = '';

/** Items a township whistles about: those it only assists with, and those its superiors took back. */
function whistleable(item: DutyListItem): item is DutyListItem & { dutyCode: string } {
  return item.dutyCode !== undefined && (item.category === 'assisting' || item.category === 'returned');
}

/** 吹哨: the township names the problem, and the item of its duty list it concerns (its lead department is where it goes), or none. */
export function RaiseDialog({
  townshipId,
  open,
  onClose,
  onDone,
}: {
  townshipId: string;
  open: boolean;
  onClose(): void;
  onDone(): Promise<void>;
}) {
  const i18n = useI18n();
  const r = useRules();
  const list = useAsync(() => api.dutyList(townshipId), [townshipId]);
  const items = (list.data?.items ?? []).filter(whistleable);
  return (
    <ActionDialog<Values>
      open={open}
      name="raise"
      title={i18n.t('whistles.raise')}
      initialValues={{ urgency: 'normal', dutyCode: NONE }}
      send={({ dutyCode, location, ...values }) =>
        whistleApi.raise({
          ...values,
          townshipId,
          ...(dutyCode ? { dutyCode } : {}),
          ...(location?.trim() ? { location: location.trim() } : {}),
        })
      }
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item name="title" label={i18n.t('whistle.field.title')} rules={r.label}>
        <Input />
      </Form.Item>
      <Form.Item name="description" label={i18n.t('whistle.field.description')} rules={r.text}>
        <Input.TextArea autoSize={{ minRows: 3 }} />
      </Form.Item>
      <Form.Item name="dutyCode" label={i18n.t('whistle.field.duty')}>
        <Select
          loading={list.loading}
          showSearch
          optionFilterProp="label"
          options={[
            { value: NONE, label: i18n.t('whistle.field.dutyNone') },
            ...items.map((item) => ({
              value: item.dutyCode,
              label: `${item.dutyCode} ${item.name}${item.leadDepartment ? `（${item.leadDepartment}）` : ''}`,
            })),
          ]}
        />
      </Form.Item>
      <Form.Item name="location" label={i18n.t('whistle.field.location')} rules={r.optionalLabel}>
        <Input />
      </Form.Item>
      <Form.Item name="urgency" label={i18n.t('whistle.field.urgency')}>
        <Radio.Group
          options={[
            { value: 'normal', label: i18n.t('whistle.urgency.normal') },
            { value: 'urgent', label: i18n.t('whistle.urgency.urgent') },
          ]}
        />
      </Form.Item>
    </ActionDialog>
  );
}

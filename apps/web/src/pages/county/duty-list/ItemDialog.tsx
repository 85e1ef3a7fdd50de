import { Form, Input, Radio } from 'antd';
import { useEffect } from 'react';
import { api } from '../../../api/endpoints';
import { DUTY_CATEGORIES, type DutyCategory, type DutyList, type DutyListItem } from '../../../api/types';
import { useToast } from '../../../app/toast';
import { useRules } from '../../../components/fields';
import { FormDialog } from '../../../components/FormDialog';
import { dutyCategoryLabel } from '../../../components/labels';
import { useFormSubmit } from '../../../components/useFormSubmit';
import { useI18n } from '../../../i18n/i18n';
import { DutyPicker } from './DutyPicker';

interface ItemForm {
  dutyCode: string;
  category: DutyCategory;
  cooperation?: string;
  leadDepartment?: string;
}

/**
 * Sets an item's category (`item`), or adds a catalogue duty to the draft (`item` = 'new'): 配合履职 asks
 * what the township does and the lead department, 上级部门收回 who takes it over.
 */
export function ItemDialog({
  list,
  item,
  onClose,
  onSaved,
  onReload,
}: {
  list: DutyList;
  item: DutyListItem | 'new' | undefined;
  onClose(): void;
  onSaved(list: DutyList): void;
  onReload(): void;
}) {
  const i18n = useI18n();
  const message = useToast();
  const [form] = Form.useForm<ItemForm>();
  const submission = useFormSubmit(form);
  const r = useRules();
  const category = Form.useWatch('category', form);
  const editing = typeof item === 'object' ? item : undefined;
  useEffect(() => {
    submission.clear();
    form.resetFields();
    if (editing) form.setFieldsValue({ ...editing, dutyCode: editing.dutyCode ?? '' });
  }, [item]);

  const save = () =>
    submission.submit(async ({ dutyCode, category: chosen, cooperation, leadDepartment }) => {
      const body = {
        category: chosen,
        ...(chosen === 'assisting' && cooperation?.trim() ? { cooperation: cooperation.trim() } : {}),
        ...(chosen !== 'basic' && leadDepartment?.trim() ? { leadDepartment: leadDepartment.trim() } : {}),
      };
      const saved = await api.setDutyListItem(list.townshipId, editing?.dutyCode ?? dutyCode, body, list.version);
      message.success(i18n.t('dutyList.saved'));
      onClose();
      onSaved(saved);
    });
  return (
    <FormDialog
      open={item !== undefined}
      title={editing ? i18n.t('dutyList.setTitle', { name: editing.name }) : i18n.t('dutyList.addTitle')}
      submission={submission}
      onOk={save}
      onClose={onClose}
      onReload={onReload}
      testId="item-submit"
      width={640}
    >
      <Form<ItemForm> form={form} name="item" layout="vertical" initialValues={{ category: 'basic' }}>
        <Form.Item name="dutyCode" label={i18n.t('duty.name')} rules={[r.required]} hidden={Boolean(editing)}>
          <DutyPicker onPicked={(duty) => form.setFieldsValue({ category: duty.defaultCategory, leadDepartment: duty.leadDepartment })} />
        </Form.Item>
        <Form.Item name="category" label={i18n.t('dutyList.category')} rules={[r.required]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={DUTY_CATEGORIES.map((value) => ({ value, label: dutyCategoryLabel(i18n, value) }))}
            data-testid="item-category"
          />
        </Form.Item>
        {category === 'assisting' && (
          <Form.Item name="cooperation" label={i18n.t('dutyList.cooperation')} extra={i18n.t('dutyList.cooperationHelp')} rules={r.text}>
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
        )}
        {category !== 'basic' && (
          <Form.Item
            name="leadDepartment"
            label={i18n.t(category === 'returned' ? 'dutyList.receiver' : 'dutyList.leadDepartment')}
            rules={r.label}
          >
            <Input style={{ width: 240 }} />
          </Form.Item>
        )}
      </Form>
    </FormDialog>
  );
}

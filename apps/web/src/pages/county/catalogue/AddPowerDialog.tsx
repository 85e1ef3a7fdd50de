import { Form, Input, Select, Space } from 'antd';
import { api } from '../../../api/endpoints';
import { POWER_CATEGORIES, type Power, type RegisterPower } from '../../../api/types';
import { useToast } from '../../../app/toast';
import { useRules } from '../../../components/fields';
import { RequirementsEditor } from '../../../components/RequirementsEditor';
import { FormDialog } from '../../../components/FormDialog';
import { useFormSubmit } from '../../../components/useFormSubmit';
import { useI18n } from '../../../i18n/i18n';
import { cleanRequirements } from './requirements';

type PowerForm = RegisterPower;

/** Registers a power in the county catalogue. */
export function AddPowerDialog({ open, onClose, onAdded }: { open: boolean; onClose(): void; onAdded(power: Power): void }) {
  const i18n = useI18n();
  const message = useToast();
  const [form] = Form.useForm<PowerForm>();
  const submission = useFormSubmit(form);
  const category = Form.useWatch('category', form);
  const r = useRules();
  const add = () =>
    submission.submit(async (values) => {
      const created = await api.registerPower({ ...values, requirements: cleanRequirements(values.requirements) });
      message.success(i18n.t('catalogue.added'));
      onClose();
      form.resetFields();
      onAdded(created);
    });
  return (
    <FormDialog
      open={open}
      title={i18n.t('catalogue.add')}
      submission={submission}
      onOk={add}
      onClose={onClose}
      testId="power-submit"
      width={760}
    >
      <Form<PowerForm>
        form={form}
        name="power"
        layout="vertical"
        initialValues={{ category: 'penalty', requirements: { certifiedOfficers: 2, equipment: [], training: [] } }}
      >
        <Space wrap align="start">
          <Form.Item
            name="code"
            label={i18n.t('catalogue.code')}
            extra={i18n.t('catalogue.codeRule')}
            rules={[r.required, { pattern: /^[^\s/\\?#%]{1,64}$/, message: i18n.t('catalogue.codeRule') }]}
          >
            <Input style={{ width: 200 }} placeholder="CF-CG-0001" />
          </Form.Item>
          <Form.Item name="category" label={i18n.t('catalogue.category')} rules={[r.required]}>
            <Select style={{ width: 160 }} options={POWER_CATEGORIES.map((value) => ({ value, label: i18n.t(`category.${value}`) }))} />
          </Form.Item>
          <Form.Item name="department" label={i18n.t('catalogue.department')} rules={r.label}>
            <Input style={{ width: 200 }} placeholder="城市管理局" />
          </Form.Item>
        </Space>
        <Form.Item name="name" label={i18n.t('catalogue.name')} rules={r.text}>
          <Input />
        </Form.Item>
        <Form.Item name="legalBasis" label={i18n.t('catalogue.legalBasis')} rules={r.text}>
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        <RequirementsEditor category={category} />
      </Form>
    </FormDialog>
  );
}

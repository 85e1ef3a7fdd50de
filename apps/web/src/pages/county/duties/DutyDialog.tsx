import { Form, Input, Select, Space } from 'antd';
import { useEffect } from 'react';
import { api } from '../../../api/endpoints';
import { DUTY_CATEGORIES, DUTY_DOMAINS, type Duty, type RegisterDuty } from '../../../api/types';
import { useToast } from '../../../app/toast';
import { useRules } from '../../../components/fields';
import { FormDialog } from '../../../components/FormDialog';
import { dutyCategoryLabel, dutyDomainLabel } from '../../../components/labels';
import { useFormSubmit } from '../../../components/useFormSubmit';
import { useI18n } from '../../../i18n/i18n';

const OPTIONAL = ['description', 'legalBasis', 'leadDepartment', 'powerCode', 'contact'] as const;

/** The optional fields left empty are not sent (the API refuses empty texts and nulls). */
function cleaned(values: RegisterDuty): RegisterDuty {
  const body: RegisterDuty = {
    code: values.code.trim(),
    name: values.name.trim(),
    domain: values.domain,
    defaultCategory: values.defaultCategory,
  };
  for (const field of OPTIONAL) {
    const value = values[field]?.trim();
    if (value) body[field] = value;
  }
  return body;
}

/** Adds a duty to the catalogue (`duty` = 'new') or edits one (its code stays). */
export function DutyDialog({ duty, onClose, onSaved }: { duty: Duty | 'new' | undefined; onClose(): void; onSaved(duty: Duty): void }) {
  const i18n = useI18n();
  const message = useToast();
  const [form] = Form.useForm<RegisterDuty>();
  const submission = useFormSubmit(form);
  const r = useRules();
  const editing = typeof duty === 'object' ? duty : undefined;

  useEffect(() => {
    submission.clear();
    form.resetFields();
    if (editing) form.setFieldsValue(editing);
  }, [duty]);

  const save = () =>
    submission.submit(async (values) => {
      const { code, ...body } = cleaned({ ...values, code: editing?.code ?? values.code });
      const saved = editing ? await api.reviseDuty(editing.code, body, editing.version) : await api.registerDuty({ code, ...body });
      message.success(i18n.t(editing ? 'duty.revised' : 'duty.added'));
      onClose();
      onSaved(saved);
    });
  return (
    <FormDialog
      open={duty !== undefined}
      title={editing ? i18n.t('duty.editTitle', { name: editing.name }) : i18n.t('duty.add')}
      submission={submission}
      onOk={save}
      onClose={onClose}
      testId="duty-submit"
      width={720}
    >
      <Form<RegisterDuty> form={form} name="duty" layout="vertical" initialValues={{ defaultCategory: 'basic' }}>
        <Space wrap align="start">
          <Form.Item
            name="code"
            label={i18n.t('duty.code')}
            rules={[r.required, { pattern: /^[^\s/\\?#%]{1,64}$/, message: i18n.t('catalogue.codeRule') }]}
          >
            <Input style={{ width: 180 }} disabled={Boolean(editing)} placeholder="MS-0001" />
          </Form.Item>
          <Form.Item name="domain" label={i18n.t('duty.domain')} rules={[r.required]}>
            <Select style={{ width: 160 }} options={DUTY_DOMAINS.map((value) => ({ value, label: dutyDomainLabel(i18n, value) }))} />
          </Form.Item>
          <Form.Item name="defaultCategory" label={i18n.t('duty.defaultCategory')} rules={[r.required]}>
            <Select style={{ width: 160 }} options={DUTY_CATEGORIES.map((value) => ({ value, label: dutyCategoryLabel(i18n, value) }))} />
          </Form.Item>
        </Space>
        <Form.Item name="name" label={i18n.t('duty.name')} rules={r.text}>
          <Input />
        </Form.Item>
        <Form.Item name="description" label={i18n.t('duty.description')} rules={r.optionalText}>
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Form.Item name="legalBasis" label={i18n.t('duty.legalBasis')} rules={r.optionalText}>
          <Input.TextArea autoSize={{ minRows: 1 }} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="leadDepartment" label={i18n.t('duty.leadDepartment')} rules={r.optionalLabel}>
            <Input style={{ width: 200 }} placeholder="民政局" />
          </Form.Item>
          <Form.Item name="powerCode" label={i18n.t('duty.powerCode')} rules={r.optionalLabel}>
            <Input style={{ width: 180 }} placeholder="CF-CG-0001" />
          </Form.Item>
          <Form.Item name="contact" label={i18n.t('duty.contact')} extra={i18n.t('duty.contactHelp')} rules={r.optionalLabel}>
            <Input style={{ width: 220 }} />
          </Form.Item>
        </Space>
      </Form>
    </FormDialog>
  );
}

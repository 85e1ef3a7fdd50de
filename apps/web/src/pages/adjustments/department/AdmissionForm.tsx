import { Button, Card, Col, Form, Input, Row, Select } from 'antd';
import { adjustmentsApi } from '../../../api/adjustments';
import type { TaskAdmission, Township } from '../../../api/types';
import { useCountyConfig } from '../../../app/county-config';
import { useToast } from '../../../app/toast';
import { DateInput, useRules } from '../../../components/fields';
import { useFormSubmit } from '../../../components/useFormSubmit';
import { useI18n } from '../../../i18n/i18n';
import { meansFrom } from './means';
import { MeansFields } from './MeansFields';

interface AdmissionValues {
  title: string;
  description: string;
  townshipIds: string[];
  legalBasis?: string;
  means?: unknown;
  startsOn: string;
  endsOn?: string;
}

/** 事项准入申请: a task the department asks townships to take, with the means that come with it. */
export function AdmissionForm({ townships, onFiled }: { townships: Township[]; onFiled(admission: TaskAdmission): void }) {
  const i18n = useI18n();
  const message = useToast();
  const [form] = Form.useForm<AdmissionValues>();
  const submission = useFormSubmit(form);
  const r = useRules();
  const { limits } = useCountyConfig();
  const file = (values: AdmissionValues) =>
    submission.submit(async (given) => {
      const legalBasis = given.legalBasis?.trim();
      const admission = await adjustmentsApi.fileAdmission({
        title: given.title.trim(),
        description: given.description.trim(),
        townshipIds: given.townshipIds,
        ...(legalBasis ? { legalBasis } : {}),
        means: meansFrom(given.means),
        startsOn: given.startsOn,
        ...(given.endsOn ? { endsOn: given.endsOn } : {}),
      });
      message.success(i18n.t('admission.filed'));
      form.resetFields();
      onFiled(admission);
    }, values);
  const endsAfterStart = ({ getFieldValue }: { getFieldValue(name: string): unknown }) => ({
    validator: async (_: unknown, endsOn?: string) => {
      const startsOn = getFieldValue('startsOn');
      if (endsOn && typeof startsOn === 'string' && endsOn < startsOn) throw new Error(i18n.t('admission.endsBeforeStart'));
    },
  });
  return (
    <Card title={i18n.t('admission.new')}>
      {submission.problem()}
      <Form form={form} name="admission" layout="vertical" onFinish={(values) => void file(values)}>
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Form.Item name="title" label={i18n.t('admission.title')} rules={r.label}>
              <Input />
            </Form.Item>
            <Form.Item name="description" label={i18n.t('admission.description')} rules={r.text}>
              <Input.TextArea autoSize={{ minRows: 3 }} />
            </Form.Item>
            <Form.Item
              name="townshipIds"
              label={i18n.t('admission.townships')}
              rules={[{ required: true, message: i18n.t('admission.pickTownships') }]}
            >
              <Select
                mode="multiple"
                optionFilterProp="label"
                placeholder={i18n.t('admission.pickTownships')}
                options={townships.map((township) => ({ value: township.id, label: township.name }))}
              />
            </Form.Item>
            <Form.Item name="legalBasis" label={i18n.t('admission.legalBasis')} rules={[{ max: limits.text }]}>
              <Input />
            </Form.Item>
            <Row gutter={16}>
              <Col span={12}>
                <Form.Item name="startsOn" label={i18n.t('admission.startsOn')} rules={r.date}>
                  <DateInput />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="endsOn" label={i18n.t('admission.endsOn')} dependencies={['startsOn']} rules={[endsAfterStart]}>
                  <DateInput />
                </Form.Item>
              </Col>
            </Row>
          </Col>
          <Col xs={24} lg={12}>
            <MeansFields />
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={submission.busy} data-testid="admission-submit">
          {i18n.t('admission.submit')}
        </Button>
      </Form>
    </Card>
  );
}

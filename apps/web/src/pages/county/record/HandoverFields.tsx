import { Col, Form, Input, Radio, Row, Select } from 'antd';
import type { Power, Township } from '../../../api/types';
import { DateInput, useRules } from '../../../components/fields';
import { useI18n } from '../../../i18n/i18n';

/** The handover's own fields: power, township, mode (never entrustment of a coercive power), instrument, dates. */
export function HandoverFields({
  powers,
  townships,
  loading,
  chosenPower,
  entrustment,
}: {
  powers: Power[];
  townships: Township[];
  loading: boolean;
  chosenPower: Power | undefined;
  entrustment: boolean;
}) {
  const i18n = useI18n();
  const r = useRules();
  const required = (message: string) => ({ required: true, message });
  const notEntrustedIfCoercive = {
    validator: async (_: unknown, mode: unknown) => {
      if (mode === 'entrustment' && chosenPower?.category === 'coercion') throw new Error(i18n.t('record.coercionEntrusted'));
    },
  };
  const endsAfterEffective = ({ getFieldValue }: { getFieldValue(name: string): unknown }) => ({
    validator: async (_: unknown, endsOn: unknown) => {
      const effectiveOn = getFieldValue('effectiveOn');
      if (typeof endsOn === 'string' && typeof effectiveOn === 'string' && endsOn <= effectiveOn)
        throw new Error(i18n.t('record.endsOnAfter'));
    },
  });
  return (
    <>
      <Form.Item name="powerCode" label={i18n.t('record.power')} rules={[required(i18n.t('record.powerRequired'))]}>
        <Select
          showSearch
          loading={loading}
          optionFilterProp="label"
          options={powers.map((power) => ({ value: power.code, label: `${power.code} ${power.name}` }))}
        />
      </Form.Item>
      <Form.Item name="teamId" label={i18n.t('record.township')} rules={[required(i18n.t('record.townshipRequired'))]}>
        <Select
          showSearch
          loading={loading}
          optionFilterProp="label"
          options={townships.map((township) => ({ value: township.teamId, label: township.name }))}
        />
      </Form.Item>
      <Form.Item
        name="mode"
        label={i18n.t('record.mode')}
        extra={i18n.t('record.modeHelp')}
        dependencies={['powerCode']}
        rules={[required(i18n.t('record.required')), notEntrustedIfCoercive]}
      >
        <Radio.Group
          optionType="button"
          options={[
            { value: 'transfer', label: i18n.t('mode.transfer') },
            { value: 'entrustment', label: i18n.t('mode.entrustment') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="instrument"
        label={i18n.t('record.instrument')}
        rules={[{ ...r.required, message: i18n.t('record.instrumentRequired') }, ...r.text.slice(1)]}
      >
        <Input placeholder="沾政发〔2025〕12号" />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name="effectiveOn"
            label={i18n.t('record.effectiveOn')}
            rules={[required(i18n.t('record.effectiveOnRequired')), ...r.date.slice(1)]}
          >
            <DateInput />
          </Form.Item>
        </Col>
        {entrustment && (
          <Col span={12}>
            <Form.Item
              name="endsOn"
              label={i18n.t('record.endsOn')}
              dependencies={['effectiveOn', 'mode']}
              rules={[required(i18n.t('record.endsOnRequired')), endsAfterEffective]}
            >
              <DateInput />
            </Form.Item>
          </Col>
        )}
      </Row>
    </>
  );
}

import { Button, Card, Col, Divider, Form, Row, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/endpoints';
import { useToast } from '../../app/toast';
import { committedFrom, CommittedEditor } from '../../components/CommittedEditor';
import { ProblemAlert } from '../../components/problems';
import { useAsync } from '../../components/useAsync';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useI18n } from '../../i18n/i18n';
import { can, useSession } from '../../session/session';
import { EMPTY_FORM, loadDraft, saveDraft, type HandoverForm } from './record/draft';
import { HandoverFields } from './record/HandoverFields';
import { PreviewCard } from './record/PreviewCard';
import { usePreview } from './record/usePreview';

/** Record a handover, with the readiness preview computed before saving (beside the form from 992 px). */
export default function RecordHandoverPage() {
  const i18n = useI18n();
  const message = useToast();
  const { user } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<HandoverForm>();
  const submission = useFormSubmit(form);
  const draft = useRef(loadDraft());
  const [values, setValues] = useState<HandoverForm>(draft.current ?? EMPTY_FORM);
  const options = useAsync(async () => {
    const [powers, townships] = await Promise.all([api.powers(), user?.countyId ? api.townships(user.countyId) : Promise.resolve([])]);
    return { powers: user?.role === 'department' ? powers.filter((power) => power.department === user.department) : powers, townships };
  }, [user?.countyId]);
  const preview = usePreview(values, user?.role === 'department' ? (user.department ?? '') : undefined);

  useEffect(() => {
    if (draft.current) message.info(i18n.t('record.draftRestored'));
  }, []);

  if (!can(user).recordHandover) return <ProblemAlert error={new Error(i18n.t('app.readOnly'))} />;

  const record = (submitted: HandoverForm) =>
    submission.submit(async () => {
      const created = await api.recordHandover({
        powerCode: submitted.powerCode ?? '',
        teamId: submitted.teamId ?? '',
        mode: submitted.mode ?? 'transfer',
        instrument: (submitted.instrument ?? '').trim(),
        effectiveOn: submitted.effectiveOn ?? '',
        ...(submitted.mode === 'entrustment' && submitted.endsOn ? { endsOn: submitted.endsOn } : {}),
        committed: committedFrom(submitted.committed),
      });
      saveDraft(undefined);
      message.success(i18n.t('record.saved'));
      navigate(`/handovers/${created.id}`);
    }, submitted);
  const clear = () => {
    saveDraft(undefined);
    form.setFieldsValue(EMPTY_FORM);
    setValues(EMPTY_FORM);
    submission.clear();
  };

  const powers = options.data?.powers ?? [];
  return (
    <Row gutter={24}>
      <Col xs={24} lg={12} xl={14}>
        <Card
          title={i18n.t('record.title')}
          extra={
            <Button size="small" onClick={clear} data-testid="record-clear">
              {i18n.t('record.clearDraft')}
            </Button>
          }
        >
          <ProblemAlert error={options.error} onReload={options.reload} />
          {submission.problem()}
          <Form<HandoverForm>
            form={form}
            name="handover"
            layout="vertical"
            initialValues={draft.current ?? EMPTY_FORM}
            onValuesChange={(_, all) => {
              setValues(all);
              saveDraft(all);
            }}
            onFinish={record}
            scrollToFirstError
          >
            <HandoverFields
              powers={powers}
              townships={options.data?.townships ?? []}
              loading={options.loading}
              chosenPower={powers.find((candidate) => candidate.code === values.powerCode) ?? preview.power}
              entrustment={values.mode === 'entrustment'}
            />
            <Divider orientation="left">{i18n.t('record.committed')}</Divider>
            <Typography.Paragraph type="secondary">{i18n.t('record.committedHelp')}</Typography.Paragraph>
            <CommittedEditor />
            <Button type="primary" htmlType="submit" loading={submission.busy} data-testid="record-submit">
              {i18n.t('app.save')}
            </Button>
          </Form>
        </Card>
      </Col>
      <Col xs={24} lg={12} xl={10}>
        <PreviewCard preview={preview} />
      </Col>
    </Row>
  );
}

import { useToast } from '../../app/toast';
import { Button, Card, Col, Descriptions, Divider, Form, Input, Radio, Row, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/endpoints';
import type { FieldError, HandoverMode, Power, Team } from '../../api/types';
import { committedFrom, CommittedEditor } from '../../components/CommittedEditor';
import { DateInput, rules } from '../../components/fields';
import { GapsTable } from '../../components/GapsTable';
import { applyFieldErrors, ProblemAlert } from '../../components/problems';
import { useAsync } from '../../components/useAsync';
import { RequirementsTable } from '../../components/RequirementsTable';
import { previewGaps, requirementRows } from '../../domain/readiness';
import { useI18n } from '../../i18n/i18n';
import { can, useSession } from '../../session/session';

interface HandoverForm {
  powerCode?: string;
  teamId?: string;
  mode?: HandoverMode;
  instrument?: string;
  effectiveOn?: string;
  endsOn?: string;
  committed?: unknown;
}

const DRAFT_KEY = 'fangquan.draft.record-handover';

function loadDraft(): HandoverForm | undefined {
  try {
    const raw = sessionStorage.getItem(DRAFT_KEY);
    return raw ? (JSON.parse(raw) as HandoverForm) : undefined;
  } catch {
    return undefined;
  }
}

function saveDraft(values: HandoverForm | undefined): void {
  try {
    if (values) sessionStorage.setItem(DRAFT_KEY, JSON.stringify(values));
    else sessionStorage.removeItem(DRAFT_KEY);
  } catch {
    /* storage unavailable */
  }
}

/** Record a handover, with the readiness preview computed before saving. */
export default function RecordHandoverPage() {
  const i18n = useI18n();
  const message = useToast();
  const { user } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<HandoverForm>();
  const draft = useRef(loadDraft());
  const [values, setValues] = useState<HandoverForm>(draft.current ?? { mode: 'transfer' });
  const [error, setError] = useState<unknown>(undefined);
  const [leftover, setLeftover] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const r = rules(i18n);

  const options = useAsync(async () => {
    const [powers, townships] = await Promise.all([api.powers(), user?.countyId ? api.townships(user.countyId) : Promise.resolve([])]);
    return { powers: user?.role === 'department' ? powers.filter((power) => power.department === user.department) : powers, townships };
  }, [user?.countyId]);

  const [power, setPower] = useState<Power | undefined>(undefined);
  const [team, setTeam] = useState<Team | undefined>(undefined);
  const [previewError, setPreviewError] = useState<unknown>(undefined);

  useEffect(() => {
    if (draft.current) message.info(i18n.t('record.draftRestored'));
  }, []);

  useEffect(() => {
    let live = true;
    setPower(undefined);
    if (values.powerCode) {
      api.power(values.powerCode).then(
        (loaded) => live && setPower(loaded),
        (caught: unknown) => live && setPreviewError(caught),
      );
    }
    return () => {
      live = false;
    };
  }, [values.powerCode]);

  useEffect(() => {
    let live = true;
    setTeam(undefined);
    if (values.teamId) {
      api.team(values.teamId).then(
        (loaded) => live && setTeam(loaded),
        (caught: unknown) => live && setPreviewError(caught),
      );
    }
    return () => {
      live = false;
    };
  }, [values.teamId]);

  const department = user?.role === 'department' ? (user.department ?? '') : (power?.department ?? '');
  const committed = useMemo(() => committedFrom(values.committed), [values.committed]);
  const preview = useMemo(() => {
    if (!power || !team) return undefined;
    try {
      return {
        gaps: previewGaps({
          requirements: power.requirements,
          team,
          committed: sanitize(committed),
          department,
          effectiveOn: values.effectiveOn,
        }),
        rows: requirementRows(power.requirements, team, values.effectiveOn),
      };
    } catch {
      return undefined;
    }
  }, [power, team, committed, department, values.effectiveOn]);

  if (!can(user).recordHandover) return <ProblemAlert error={new Error(i18n.t('app.readOnly'))} />;

  const submit = async (submitted: HandoverForm) => {
    setBusy(true);
    setError(undefined);
    setLeftover([]);
    try {
      const body = {
        powerCode: submitted.powerCode ?? '',
        teamId: submitted.teamId ?? '',
        mode: submitted.mode ?? 'transfer',
        instrument: (submitted.instrument ?? '').trim(),
        effectiveOn: submitted.effectiveOn ?? '',
        ...(submitted.mode === 'entrustment' && submitted.endsOn ? { endsOn: submitted.endsOn } : {}),
        committed: committedFrom(submitted.committed),
      };
      const created = await api.recordHandover(body);
      saveDraft(undefined);
      message.success(i18n.t('record.saved'));
      navigate(`/handovers/${created.id}`);
    } catch (caught) {
      setLeftover(applyFieldErrors(form, caught));
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const powers = options.data?.powers ?? [];
  const chosenPower = powers.find((candidate) => candidate.code === values.powerCode) ?? power;

  return (
    <Row gutter={24}>
      <Col xs={24} xl={14}>
        <Card
          title={i18n.t('record.title')}
          extra={
            <Button
              size="small"
              onClick={() => {
                saveDraft(undefined);
                form.resetFields();
                form.setFieldsValue({ mode: 'transfer' });
                setValues({ mode: 'transfer' });
              }}
            >
              {i18n.t('record.clearDraft')}
            </Button>
          }
        >
          <ProblemAlert error={options.error} onReload={options.reload} />
          <ProblemAlert error={error} leftover={leftover} />
          <Form<HandoverForm>
            form={form}
            name="handover"
            layout="vertical"
            initialValues={values}
            onValuesChange={(_, all) => {
              setValues(all);
              saveDraft(all);
            }}
            onFinish={submit}
            scrollToFirstError
          >
            <Form.Item
              name="powerCode"
              label={i18n.t('record.power')}
              rules={[{ required: true, message: i18n.t('record.powerRequired') }]}
            >
              <Select
                showSearch
                loading={options.loading}
                optionFilterProp="label"
                options={powers.map((candidate) => ({ value: candidate.code, label: `${candidate.code} ${candidate.name}` }))}
              />
            </Form.Item>
            <Form.Item
              name="teamId"
              label={i18n.t('record.township')}
              rules={[{ required: true, message: i18n.t('record.townshipRequired') }]}
            >
              <Select
                showSearch
                loading={options.loading}
                optionFilterProp="label"
                options={(options.data?.townships ?? []).map((township) => ({ value: township.teamId, label: township.name }))}
              />
            </Form.Item>
            <Form.Item
              name="mode"
              label={i18n.t('record.mode')}
              extra={i18n.t('record.modeHelp')}
              dependencies={['powerCode']}
              rules={[
                { required: true, message: i18n.t('record.required') },
                {
                  validator: async (_, mode: unknown) => {
                    if (mode === 'entrustment' && chosenPower?.category === 'coercion') throw new Error(i18n.t('record.coercionEntrusted'));
                  },
                },
              ]}
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
              rules={[{ required: true, whitespace: true, message: i18n.t('record.instrumentRequired') }, { max: 500 }]}
            >
              <Input placeholder="沾政发〔2025〕12号" />
            </Form.Item>
            <Row gutter={16}>
              <Col span={12}>
                <Form.Item
                  name="effectiveOn"
                  label={i18n.t('record.effectiveOn')}
                  rules={[{ required: true, message: i18n.t('record.effectiveOnRequired') }, ...r.date.slice(1)]}
                >
                  <DateInput />
                </Form.Item>
              </Col>
              {values.mode === 'entrustment' && (
                <Col span={12}>
                  <Form.Item
                    name="endsOn"
                    label={i18n.t('record.endsOn')}
                    dependencies={['effectiveOn', 'mode']}
                    rules={[
                      { required: true, message: i18n.t('record.endsOnRequired') },
                      ({ getFieldValue }) => ({
                        validator: async (_, endsOn: unknown) => {
                          const effectiveOn = getFieldValue('effectiveOn') as unknown;
                          if (typeof endsOn === 'string' && typeof effectiveOn === 'string' && endsOn <= effectiveOn)
                            throw new Error(i18n.t('record.endsOnAfter'));
                        },
                      }),
                    ]}
                  >
                    <DateInput />
                  </Form.Item>
                </Col>
              )}
            </Row>
            <Divider orientation="left">{i18n.t('record.committed')}</Divider>
            <Typography.Paragraph type="secondary">{i18n.t('record.committedHelp')}</Typography.Paragraph>
            <CommittedEditor />
            <Button type="primary" htmlType="submit" loading={busy} data-testid="record-submit">
              {i18n.t('app.save')}
            </Button>
          </Form>
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card title={i18n.t('record.preview')} data-testid="preview" style={{ position: 'sticky', top: 16 }}>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {i18n.t('record.previewHelp')}
          </Typography.Paragraph>
          <ProblemAlert error={previewError} />
          {!preview ? (
            <Typography.Text type="secondary">{i18n.t('record.previewPick')}</Typography.Text>
          ) : (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={i18n.t('record.department')}>{department}</Descriptions.Item>
              </Descriptions>
              <RequirementsTable rows={preview.rows} />
              <GapsTable gaps={preview.gaps} testId="preview-gaps" />
            </Space>
          )}
        </Card>
      </Col>
    </Row>
  );
}

/** Half-typed lines must not break the preview: only complete ones count. */
function sanitize(committed: ReturnType<typeof committedFrom>): ReturnType<typeof committedFrom> {
  return {
    officers: (committed.officers ?? []).filter((officer) => typeof officer?.certificateNumber === 'string'),
    equipment: (committed.equipment ?? []).filter((line) => typeof line?.kind === 'string'),
    training: (committed.training ?? []).filter((line) => typeof line?.course === 'string'),
  };
}

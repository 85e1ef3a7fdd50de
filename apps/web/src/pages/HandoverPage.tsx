import { useToast } from '../app/toast';
import { Button, Card, Col, Descriptions, Form, Input, Modal, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/endpoints';
import { ApiProblem } from '../api/http';
import type { Commitments, FieldError, Handover, HandoverReminder } from '../api/types';
import { AnswerPanel } from '../components/AnswerPanel';
import { committedFrom, CommittedEditor } from '../components/CommittedEditor';
import { GapsTable } from '../components/GapsTable';
import { History } from '../components/History';
import { kindLabel } from '../components/labels';
import { applyFieldErrors, ProblemAlert } from '../components/problems';
import { Reminders } from '../components/Reminders';
import { RequirementsTable } from '../components/RequirementsTable';
import { ReadinessTag, StatusTag } from '../components/Tags';
import { useAsync } from '../components/useAsync';
import { requirementRows } from '../domain/readiness';
import { useI18n } from '../i18n/i18n';
import { can, useSession } from '../session/session';

function CommittedView({ committed }: { committed: Commitments }) {
  const i18n = useI18n();
  const officers = committed.officers ?? [];
  const equipment = committed.equipment ?? [];
  const training = committed.training ?? [];
  if (officers.length + equipment.length + training.length === 0 && committed.budgetYuan === undefined)
    return <Typography.Text type="secondary">{i18n.t('handover.noCommitted')}</Typography.Text>;
  return (
    <Descriptions size="small" column={1} bordered>
      {officers.length > 0 && (
        <Descriptions.Item label={i18n.t('record.officers')}>
          {officers
            .map((officer) => `${officer.name}（${officer.certificateNumber}，${i18n.date(officer.certificateExpiresOn)}）`)
            .join('；')}
        </Descriptions.Item>
      )}
      {equipment.length > 0 && (
        <Descriptions.Item label={i18n.t('record.equipment')}>
          {equipment.map((line) => `${kindLabel(i18n, line.kind)} × ${i18n.number(line.quantity)}`).join('；')}
        </Descriptions.Item>
      )}
      {training.length > 0 && (
        <Descriptions.Item label={i18n.t('record.training')}>
          {training.map((line) => `${line.course} ${i18n.number(line.hours)} h（${i18n.date(line.scheduledOn)}）`).join('；')}
        </Descriptions.Item>
      )}
      {committed.budgetYuan !== undefined && (
        <Descriptions.Item label={i18n.t('handover.budget')}>{i18n.yuan(committed.budgetYuan)}</Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** One handover: summary, gaps, requirements against the team, history, reminders; amend, revoke, answer. */
export default function HandoverPage() {
  const { id = '' } = useParams();
  const i18n = useI18n();
  const message = useToast();
  const { user } = useSession();
  const rights = can(user);

  const handover = useAsync(() => api.handover(id), [id]);
  const history = useAsync(() => api.history(id), [id]);
  const reminders = useAsync<{ items: HandoverReminder[]; unavailable: boolean }>(async () => {
    try {
      return { items: await api.reminders(id), unavailable: false };
    } catch (caught) {
      // The handover exists (loaded above): a 404 here means the reminders endpoint is not there.
      if (caught instanceof ApiProblem && (caught.status === 404 || caught.status === 405)) return { items: [], unavailable: true };
      throw caught;
    }
  }, [id]);
  const context = useAsync(async () => {
    const current = await api.handover(id);
    const [power, team] = await Promise.all([api.power(current.powerCode), api.team(current.teamId)]);
    return { power, team };
  }, [id]);

  const [amending, setAmending] = useState(false);
  const [revoking, setRevoking] = useState(false);
  const [amendForm] = Form.useForm<{ committed: Commitments }>();
  const [revokeForm] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<unknown>(undefined);
  const [leftover, setLeftover] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);

  const reloadAll = async () => {
    await Promise.all([handover.reload(), history.reload(), reminders.reload(), context.reload()]);
  };

  const updated = (next: Handover) => {
    handover.setData(next);
    void history.reload();
    void reminders.reload();
    void context.reload();
  };

  const current = handover.data;
  if (!current) {
    return handover.error ? <ProblemAlert error={handover.error} onReload={handover.reload} /> : <Card loading />;
  }

  const amend = async () => {
    let values: { committed: Commitments };
    try {
      values = await amendForm.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(undefined);
    setLeftover([]);
    try {
      const next = await api.amend(current.id, committedFrom(values.committed), current.version);
      message.success(i18n.t('handover.amended'));
      setAmending(false);
      updated(next);
    } catch (caught) {
      setLeftover(applyFieldErrors(amendForm, caught));
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const revoke = async () => {
    let values: { reason: string };
    try {
      values = await revokeForm.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(undefined);
    setLeftover([]);
    try {
      const next = await api.revoke(current.id, values.reason.trim());
      message.success(i18n.t('handover.revoked'));
      setRevoking(false);
      revokeForm.resetFields();
      updated(next);
    } catch (caught) {
      setLeftover(applyFieldErrors(revokeForm, caught));
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const amendable = (current.status === 'recorded' || current.status === 'contested') && rights.amendHandover(current.department);
  const revocable = current.status !== 'revoked' && rights.revokeHandover;
  const answerable = current.status === 'recorded' && rights.answerHandover(current.townshipId);

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="handover">
      <Card>
        <Space align="start" style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <div>
            <Typography.Text type="secondary">{i18n.t('handover.title')}</Typography.Text>
            <Typography.Title level={3} style={{ margin: '4px 0' }} data-testid="handover-title">
              {current.powerName ?? current.powerCode}
            </Typography.Title>
            <Space wrap>
              <Tag>{current.powerCode}</Tag>
              <StatusTag status={current.status} />
              <ReadinessTag readiness={current.readiness} revoked={current.status === 'revoked'} />
              <Typography.Text>
                → <Link to={`/teams/${current.teamId}`}>{current.townshipName ?? current.teamId}</Link>
              </Typography.Text>
            </Space>
          </div>
          <Space>
            {amendable && (
              <Button
                onClick={() => {
                  setError(undefined);
                  setLeftover([]);
                  amendForm.setFieldsValue({ committed: current.committed });
                  setAmending(true);
                }}
                data-testid="amend"
              >
                {i18n.t('handover.amend')}
              </Button>
            )}
            {revocable && (
              <Button
                danger
                onClick={() => {
                  setError(undefined);
                  setLeftover([]);
                  setRevoking(true);
                }}
                data-testid="revoke"
              >
                {i18n.t('handover.revoke')}
              </Button>
            )}
          </Space>
        </Space>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} style={{ marginTop: 16 }}>
          <Descriptions.Item label={i18n.t('handovers.department')}>{current.department}</Descriptions.Item>
          <Descriptions.Item label={i18n.t('handover.mode')}>{i18n.t(`mode.${current.mode}`)}</Descriptions.Item>
          <Descriptions.Item label={i18n.t('handover.instrument')}>{current.instrument}</Descriptions.Item>
          <Descriptions.Item label={i18n.t('handovers.effectiveOn')}>{i18n.date(current.effectiveOn)}</Descriptions.Item>
          {current.endsOn && <Descriptions.Item label={i18n.t('handover.endsOn')}>{i18n.date(current.endsOn)}</Descriptions.Item>}
          <Descriptions.Item label={i18n.t('handover.recordedAt')}>{i18n.dateTime(current.recordedAt)}</Descriptions.Item>
          <Descriptions.Item label={i18n.t('handover.updatedAt')}>{i18n.dateTime(current.updatedAt)}</Descriptions.Item>
          <Descriptions.Item label={i18n.t('handover.version')}>{current.version}</Descriptions.Item>
        </Descriptions>
      </Card>

      {answerable && (
        <Card title={`${i18n.t('handover.accept')} / ${i18n.t('handover.contest')}`}>
          <AnswerPanel handover={current} onAnswered={updated} onReload={() => void reloadAll()} />
        </Card>
      )}

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={i18n.t('handover.gaps')} style={{ height: '100%' }}>
            <GapsTable gaps={current.status === 'revoked' ? [] : current.readiness.gaps} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={i18n.t('handover.requirementsVsTeam')} style={{ height: '100%' }} loading={context.loading && !context.data}>
            <ProblemAlert error={context.error} onReload={context.reload} />
            {context.data && (
              <RequirementsTable rows={requirementRows(context.data.power.requirements, context.data.team, current.effectiveOn)} />
            )}
          </Card>
        </Col>
      </Row>

      <Card title={i18n.t('handover.committed')}>
        <CommittedView committed={current.committed} />
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card title={i18n.t('handover.history')} loading={history.loading && !history.data}>
            <ProblemAlert error={history.error} onReload={history.reload} />
            <History entries={history.data ?? []} />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={i18n.t('handover.reminders')} loading={reminders.loading && !reminders.data}>
            <ProblemAlert error={reminders.error} onReload={reminders.reload} />
            <Reminders reminders={reminders.data?.items} unavailable={reminders.data?.unavailable ?? false} />
          </Card>
        </Col>
      </Row>

      <Modal
        open={amending}
        title={i18n.t('handover.amend')}
        onCancel={() => setAmending(false)}
        onOk={amend}
        confirmLoading={busy}
        okText={i18n.t('app.save')}
        width={820}
        forceRender
      >
        <ProblemAlert error={error} leftover={leftover} onReload={() => void reloadAll()} />
        <Form form={amendForm} name="amend" layout="vertical">
          <CommittedEditor />
        </Form>
      </Modal>
      <Modal
        open={revoking}
        title={i18n.t('handover.revoke')}
        onCancel={() => setRevoking(false)}
        onOk={revoke}
        confirmLoading={busy}
        okText={i18n.t('handover.revoke')}
        okButtonProps={{ danger: true }}
        forceRender
      >
        <Typography.Paragraph type="secondary">{i18n.t('handover.revokeHelp')}</Typography.Paragraph>
        <ProblemAlert error={error} leftover={leftover} onReload={() => void reloadAll()} />
        <Form form={revokeForm} name="revoke" layout="vertical">
          <Form.Item
            name="reason"
            label={i18n.t('handover.revokeReason')}
            rules={[{ required: true, whitespace: true, message: i18n.t('handover.reasonRequired') }, { max: 500 }]}
          >
            <Input.TextArea autoSize={{ minRows: 3 }} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

import { useToast } from '../app/toast';
import { Alert, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../api/endpoints';
import type { EquipmentLine, FieldError, Officer, TrainingRecord } from '../api/types';
import { DateInput, KindInput, rules } from '../components/fields';
import { kindLabel } from '../components/labels';
import { applyFieldErrors, ProblemAlert } from '../components/problems';
import { useAsync } from '../components/useAsync';
import { countyToday, daysUntil } from '../domain/readiness';
import { useI18n } from '../i18n/i18n';
import { can, useSession } from '../session/session';

/** Certificates are flagged this many days before they expire (renewal means a new exam). */
export const CERTIFICATE_NOTICE_DAYS = 180;

type Dialog = 'officer' | 'receive' | 'writeOff' | 'training' | undefined;

interface OfficerForm {
  name: string;
  certificateNumber: string;
  certificateExpiresOn: string;
  secondedFrom?: string;
}

interface TrainingForm {
  officerIds: string[];
  course: string;
  hours: number;
  completedOn: string;
}

export function ExpiryTag({ date }: { date: string }) {
  const i18n = useI18n();
  const days = daysUntil(date);
  if (days < 0)
    return (
      <Tag color="error" data-testid="expiry" data-expiring="expired">
        {i18n.date(date)} · {i18n.t('team.expired')}
      </Tag>
    );
  if (days < CERTIFICATE_NOTICE_DAYS)
    return (
      <Tag color="warning" data-testid="expiry" data-expiring="soon">
        {i18n.date(date)} · {i18n.t('team.expiresIn', { days: i18n.number(days) })}
      </Tag>
    );
  return (
    <span data-testid="expiry" data-expiring="no">
      {i18n.date(date)}
    </span>
  );
}

/** A township's enforcement team: officers (certificate expiry flagged), equipment (receive, write off), training. */
export function TeamView({ teamId }: { teamId: string }) {
  const i18n = useI18n();
  const message = useToast();
  const { user } = useSession();
  const team = useAsync(() => api.team(teamId), [teamId]);
  const [dialog, setDialog] = useState<Dialog>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [leftover, setLeftover] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [officerForm] = Form.useForm<OfficerForm>();
  const [receiveForm] = Form.useForm<EquipmentLine>();
  const [writeOffForm] = Form.useForm<EquipmentLine & { reason: string }>();
  const [trainingForm] = Form.useForm<TrainingForm>();
  const r = rules(i18n);

  const current = team.data;
  if (!current) return team.error ? <ProblemAlert error={team.error} onReload={team.reload} /> : <Card loading />;
  const writable = can(user).writeTeam(current.townshipId);
  const officerName = new Map(current.officers.map((officer) => [officer.officerId, officer.name]));
  const expiring = current.officers.filter((officer) => daysUntil(officer.certificateExpiresOn) < CERTIFICATE_NOTICE_DAYS).length;

  const open = (next: Dialog) => {
    setError(undefined);
    setLeftover([]);
    setDialog(next);
  };

  /** Runs a write; on failure the dialog stays open with what was typed and the API's messages beside the fields. */
  const write = async (form: Parameters<typeof applyFieldErrors>[0], run: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(undefined);
    setLeftover([]);
    try {
      await run();
      message.success(done);
      form.resetFields();
      setDialog(undefined);
      await team.reload();
    } catch (caught) {
      setLeftover(applyFieldErrors(form, caught));
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const submitOfficer = async () => {
    const values = await officerForm.validateFields().catch(() => undefined);
    if (!values) return;
    const body = {
      name: values.name.trim(),
      certificateNumber: values.certificateNumber.trim(),
      certificateExpiresOn: values.certificateExpiresOn,
      ...(values.secondedFrom?.trim() ? { secondedFrom: values.secondedFrom.trim() } : {}),
    };
    await write(officerForm, () => api.addOfficer(teamId, body), i18n.t('team.officerAdded'));
  };
  const submitReceive = async () => {
    const values = await receiveForm.validateFields().catch(() => undefined);
    if (!values) return;
    await write(
      receiveForm,
      () => api.receiveEquipment(teamId, { kind: values.kind.trim(), quantity: values.quantity }),
      i18n.t('team.received'),
    );
  };
  const submitWriteOff = async () => {
    const values = await writeOffForm.validateFields().catch(() => undefined);
    if (!values) return;
    await write(
      writeOffForm,
      () => api.writeOffEquipment(teamId, { kind: values.kind, quantity: values.quantity, reason: values.reason.trim() }),
      i18n.t('team.writtenOff'),
    );
  };
  const submitTraining = async () => {
    const values = await trainingForm.validateFields().catch(() => undefined);
    if (!values) return;
    await write(
      trainingForm,
      async () => {
        // One record per officer; the ones already written are not sent again on a retry.
        for (const officerId of values.officerIds) {
          await api.recordTraining(teamId, {
            officerId,
            course: values.course.trim(),
            hours: values.hours,
            completedOn: values.completedOn,
          });
          const remaining = (trainingForm.getFieldValue('officerIds') as string[]).filter((id) => id !== officerId);
          trainingForm.setFieldValue('officerIds', remaining);
        }
      },
      i18n.t('team.trainingRecorded'),
    );
  };

  const removeOfficer = async (officer: Officer) => {
    try {
      await api.removeOfficer(teamId, officer.officerId);
      message.success(i18n.t('team.officerRemoved'));
      await team.reload();
    } catch (caught) {
      setError(caught);
    }
  };

  const onHand = (kind: string | undefined) => current.equipment.find((line) => line.kind === kind)?.quantity ?? 0;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="team">
      <Space align="baseline" wrap>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="team-title">
          {i18n.t('team.title', { name: current.townshipName })}
        </Typography.Title>
        <Tag>{i18n.t('team.version', { version: current.version })}</Tag>
      </Space>
      {dialog === undefined && <ProblemAlert error={error} onReload={team.reload} />}
      {expiring > 0 && (
        <Alert
          type="warning"
          showIcon
          message={i18n.t('team.expiryWarning', { count: i18n.number(expiring) })}
          data-testid="expiry-warning"
        />
      )}

      <Card
        title={`${i18n.t('team.officers')}（${i18n.number(current.officers.length)}）`}
        extra={
          writable && (
            <Button type="primary" onClick={() => open('officer')} data-testid="add-officer">
              {i18n.t('team.addOfficer')}
            </Button>
          )
        }
      >
        <Table<Officer>
          data-testid="officers"
          rowKey="officerId"
          size="small"
          dataSource={current.officers}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (count) => i18n.t('app.total', { count }) }}
          locale={{ emptyText: i18n.t('app.none') }}
          columns={[
            { title: i18n.t('team.name'), dataIndex: 'name' },
            { title: i18n.t('team.certificateNumber'), dataIndex: 'certificateNumber' },
            {
              title: i18n.t('team.certificateExpiresOn'),
              dataIndex: 'certificateExpiresOn',
              render: (value: string) => <ExpiryTag date={value} />,
            },
            { title: i18n.t('team.secondedFrom'), dataIndex: 'secondedFrom', render: (value?: string) => value ?? '—' },
            ...(writable
              ? [
                  {
                    title: i18n.t('app.actions'),
                    key: 'actions',
                    render: (_: unknown, officer: Officer) => (
                      <Popconfirm title={i18n.t('team.removeConfirm', { name: officer.name })} onConfirm={() => removeOfficer(officer)}>
                        <Button size="small" danger>
                          {i18n.t('team.removeOfficer')}
                        </Button>
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>

      <Card
        title={i18n.t('team.equipment')}
        extra={
          writable && (
            <Space>
              <Button type="primary" onClick={() => open('receive')} data-testid="receive-equipment">
                {i18n.t('team.receive')}
              </Button>
              <Button onClick={() => open('writeOff')} disabled={current.equipment.length === 0} data-testid="write-off">
                {i18n.t('team.writeOff')}
              </Button>
            </Space>
          )
        }
      >
        <Table<EquipmentLine>
          data-testid="equipment"
          rowKey="kind"
          size="small"
          dataSource={current.equipment}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: i18n.t('app.none') }}
          columns={[
            {
              title: i18n.t('team.kind'),
              dataIndex: 'kind',
              render: (kind: string) => `${kindLabel(i18n, kind)}${kindLabel(i18n, kind) === kind ? '' : ` (${kind})`}`,
            },
            { title: i18n.t('team.quantity'), dataIndex: 'quantity', align: 'right', render: (value: number) => i18n.number(value) },
          ]}
        />
      </Card>

      <Card
        title={i18n.t('team.training')}
        extra={
          writable && (
            <Button type="primary" onClick={() => open('training')} disabled={current.officers.length === 0} data-testid="record-training">
              {i18n.t('team.recordTraining')}
            </Button>
          )
        }
      >
        <Table<TrainingRecord>
          data-testid="training"
          rowKey="trainingId"
          size="small"
          dataSource={[...current.training].sort((a, b) => (a.completedOn < b.completedOn ? 1 : -1))}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (count) => i18n.t('app.total', { count }) }}
          locale={{ emptyText: i18n.t('app.none') }}
          columns={[
            {
              title: i18n.t('team.officer'),
              dataIndex: 'officerId',
              render: (id: string) =>
                officerName.get(id) ?? <Typography.Text type="secondary">{i18n.t('team.formerOfficer')}</Typography.Text>,
            },
            { title: i18n.t('team.course'), dataIndex: 'course' },
            { title: i18n.t('team.hours'), dataIndex: 'hours', align: 'right', render: (value: number) => i18n.number(value) },
            { title: i18n.t('team.completedOn'), dataIndex: 'completedOn', render: (value: string) => i18n.date(value) },
          ]}
        />
      </Card>

      <Modal
        open={dialog === 'officer'}
        title={i18n.t('team.addOfficer')}
        onCancel={() => setDialog(undefined)}
        onOk={submitOfficer}
        confirmLoading={busy}
        okText={i18n.t('app.save')}
        forceRender
        okButtonProps={{ 'data-testid': 'officer-submit' }}
      >
        <ProblemAlert error={error} leftover={leftover} onReload={team.reload} />
        <Form<OfficerForm> form={officerForm} name="officer" layout="vertical">
          <Form.Item name="name" label={i18n.t('team.name')} rules={r.label}>
            <Input />
          </Form.Item>
          <Form.Item name="certificateNumber" label={i18n.t('team.certificateNumber')} rules={r.label}>
            <Input />
          </Form.Item>
          <Form.Item name="certificateExpiresOn" label={i18n.t('team.certificateExpiresOn')} rules={r.date}>
            <DateInput />
          </Form.Item>
          <Form.Item name="secondedFrom" label={i18n.t('team.secondedFrom')} rules={[{ max: 100 }]}>
            <Input placeholder="市场监管局" />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={dialog === 'receive'}
        title={i18n.t('team.receive')}
        onCancel={() => setDialog(undefined)}
        onOk={submitReceive}
        confirmLoading={busy}
        okText={i18n.t('app.save')}
        forceRender
        okButtonProps={{ 'data-testid': 'receive-submit' }}
      >
        <ProblemAlert error={error} leftover={leftover} onReload={team.reload} />
        <Form<EquipmentLine> form={receiveForm} name="receive" layout="vertical" initialValues={{ quantity: 1 }}>
          <Form.Item name="kind" label={i18n.t('team.kind')} rules={r.label}>
            <KindInput />
          </Form.Item>
          <Form.Item name="quantity" label={i18n.t('team.quantity')} rules={r.wholePositive}>
            <InputNumber min={1} precision={0} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={dialog === 'writeOff'}
        title={i18n.t('team.writeOff')}
        onCancel={() => setDialog(undefined)}
        onOk={submitWriteOff}
        confirmLoading={busy}
        okText={i18n.t('team.writeOff')}
        okButtonProps={{ danger: true }}
        forceRender
      >
        <ProblemAlert error={error} leftover={leftover} onReload={team.reload} />
        <Form<EquipmentLine & { reason: string }> form={writeOffForm} name="writeOff" layout="vertical" initialValues={{ quantity: 1 }}>
          <Form.Item name="kind" label={i18n.t('team.kind')} rules={[r.required]}>
            <Select
              options={current.equipment.map((line) => ({
                value: line.kind,
                label: `${kindLabel(i18n, line.kind)} (${i18n.number(line.quantity)})`,
              }))}
            />
          </Form.Item>
          <Form.Item
            name="quantity"
            label={i18n.t('team.quantity')}
            dependencies={['kind']}
            rules={[
              ...r.wholePositive,
              ({ getFieldValue }) => ({
                validator: async (_, value: unknown) => {
                  const available = onHand(getFieldValue('kind') as string | undefined);
                  if (typeof value === 'number' && value > available)
                    throw new Error(i18n.t('team.writeOffTooMany', { count: i18n.number(available) }));
                },
              }),
            ]}
          >
            <InputNumber min={1} precision={0} />
          </Form.Item>
          <Form.Item name="reason" label={i18n.t('team.writeOffReason')} rules={r.text}>
            <Input.TextArea autoSize={{ minRows: 2 }} placeholder="损坏报废" />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={dialog === 'training'}
        title={i18n.t('team.recordTraining')}
        onCancel={() => setDialog(undefined)}
        onOk={submitTraining}
        confirmLoading={busy}
        okText={i18n.t('app.save')}
        forceRender
        okButtonProps={{ 'data-testid': 'training-submit' }}
      >
        <ProblemAlert error={error} leftover={leftover} onReload={team.reload} />
        <Form<TrainingForm> form={trainingForm} name="training" layout="vertical" initialValues={{ completedOn: countyToday() }}>
          <Form.Item
            name="officerIds"
            label={i18n.t('team.officer')}
            rules={[{ required: true, type: 'array', min: 1, message: i18n.t('record.required') }]}
          >
            <Select
              mode="multiple"
              optionFilterProp="label"
              options={current.officers.map((officer) => ({ value: officer.officerId, label: officer.name }))}
            />
          </Form.Item>
          <Form.Item name="course" label={i18n.t('team.course')} rules={r.label}>
            <Input />
          </Form.Item>
          <Form.Item name="hours" label={i18n.t('team.hours')} rules={r.positive}>
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item
            name="completedOn"
            label={i18n.t('team.completedOn')}
            rules={[
              ...r.date,
              {
                validator: async (_, value: unknown) => {
                  if (typeof value === 'string' && value > countyToday()) throw new Error(i18n.t('team.notFuture'));
                },
              },
            ]}
          >
            <DateInput />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

export default function TeamPage() {
  const { teamId = '' } = useParams();
  return <TeamView teamId={teamId} />;
}

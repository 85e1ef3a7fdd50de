import { useToast } from '../../app/toast';
import { Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/endpoints';
import { POWER_CATEGORIES, type FieldError, type Power, type PowerCategory, type Requirements } from '../../api/types';
import { rules } from '../../components/fields';
import { kindLabel } from '../../components/labels';
import { applyFieldErrors, ProblemAlert } from '../../components/problems';
import { RequirementsEditor } from '../../components/RequirementsEditor';
import { useAsync } from '../../components/useAsync';
import { useI18n } from '../../i18n/i18n';
import { can, useSession } from '../../session/session';

interface PowerForm {
  code: string;
  name: string;
  category: PowerCategory;
  legalBasis: string;
  department: string;
  requirements: Requirements;
}

/** Form lists may hold removed (undefined) lines: the API gets the real ones. */
function cleanRequirements(requirements: Requirements | undefined): Requirements {
  return {
    certifiedOfficers: requirements?.certifiedOfficers ?? 0,
    equipment: (requirements?.equipment ?? []).filter(Boolean).map((line) => ({ kind: (line.kind ?? '').trim(), quantity: line.quantity })),
    training: (requirements?.training ?? []).filter(Boolean).map((line) => ({ course: (line.course ?? '').trim(), hours: line.hours })),
  };
}

function RequirementsSummary({ requirements }: { requirements: Requirements }) {
  const i18n = useI18n();
  return (
    <Space size={[4, 4]} wrap>
      <Tag color="blue">{i18n.t('catalogue.officersN', { count: i18n.number(requirements.certifiedOfficers) })}</Tag>
      {requirements.equipment.map((line) => (
        <Tag key={`e:${line.kind}`}>
          {kindLabel(i18n, line.kind)} × {i18n.number(line.quantity)}
        </Tag>
      ))}
      {requirements.training.map((line) => (
        <Tag key={`t:${line.course}`} color="purple">
          {line.course} {i18n.number(line.hours)} h
        </Tag>
      ))}
    </Space>
  );
}

/** The county catalogue: list (paged, searchable), add, revise requirements. */
export default function CataloguePage() {
  const i18n = useI18n();
  const message = useToast();
  const { user } = useSession();
  const writable = can(user).writeCatalogue;
  const powers = useAsync(() => api.powers(), []);
  const [search, setSearch] = useState('');
  const [adding, setAdding] = useState(false);
  const [revising, setRevising] = useState<Power | undefined>(undefined);
  const [addForm] = Form.useForm<PowerForm>();
  const [reviseForm] = Form.useForm<{ requirements: Requirements }>();
  const [error, setError] = useState<unknown>(undefined);
  const [leftover, setLeftover] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const category = Form.useWatch('category', addForm);
  const r = rules(i18n);

  const filtered = (powers.data ?? []).filter(
    (power) => !search || power.code.toLowerCase().includes(search.toLowerCase()) || power.name.includes(search),
  );

  const fail = (form: Parameters<typeof applyFieldErrors>[0], caught: unknown) => {
    setLeftover(applyFieldErrors(form, caught));
    setError(caught);
  };

  const add = async () => {
    let values: PowerForm;
    try {
      values = await addForm.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(undefined);
    setLeftover([]);
    try {
      const created = await api.registerPower({ ...values, requirements: cleanRequirements(values.requirements) });
      message.success(i18n.t('catalogue.added'));
      setAdding(false);
      addForm.resetFields();
      powers.setData([...(powers.data ?? []), created].sort((a, b) => (a.code < b.code ? -1 : 1)));
    } catch (caught) {
      fail(addForm, caught);
    } finally {
      setBusy(false);
    }
  };

  const revise = async () => {
    if (!revising) return;
    let values: { requirements: Requirements };
    try {
      values = await reviseForm.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(undefined);
    setLeftover([]);
    try {
      const revised = await api.reviseRequirements(revising.code, cleanRequirements(values.requirements), revising.version);
      message.success(i18n.t('catalogue.revised'));
      setRevising(undefined);
      powers.setData((powers.data ?? []).map((power) => (power.code === revised.code ? revised : power)));
    } catch (caught) {
      fail(reviseForm, caught);
    } finally {
      setBusy(false);
    }
  };

  /** A stale version: take the latest requirements, keep the dialog open for another try. */
  const reloadRevising = async () => {
    if (!revising) return;
    const latest = await api.power(revising.code);
    setRevising(latest);
    setError(undefined);
    powers.setData((powers.data ?? []).map((power) => (power.code === latest.code ? latest : power)));
  };

  return (
    <Card
      title={i18n.t('catalogue.title')}
      extra={
        <Space>
          <Input.Search
            allowClear
            placeholder={i18n.t('catalogue.search')}
            onSearch={setSearch}
            onChange={(event) => setSearch(event.target.value)}
            style={{ width: 220 }}
          />
          {writable && (
            <Button
              type="primary"
              data-testid="add-power"
              onClick={() => {
                setError(undefined);
                setLeftover([]);
                setAdding(true);
              }}
            >
              {i18n.t('catalogue.add')}
            </Button>
          )}
        </Space>
      }
    >
      <ProblemAlert error={powers.error} onReload={powers.reload} />
      <Table<Power>
        data-testid="catalogue"
        rowKey="code"
        loading={powers.loading}
        dataSource={filtered}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, showTotal: (count) => i18n.t('app.total', { count }) }}
        expandable={{ expandedRowRender: (power) => <Typography.Paragraph style={{ margin: 0 }}>{power.legalBasis}</Typography.Paragraph> }}
        columns={[
          { title: i18n.t('catalogue.code'), dataIndex: 'code', width: 130 },
          { title: i18n.t('catalogue.name'), dataIndex: 'name' },
          { title: i18n.t('catalogue.category'), dataIndex: 'category', render: (value: PowerCategory) => i18n.t(`category.${value}`) },
          { title: i18n.t('catalogue.department'), dataIndex: 'department' },
          {
            title: i18n.t('catalogue.requirements'),
            key: 'requirements',
            render: (_, power) => <RequirementsSummary requirements={power.requirements} />,
          },
          { title: i18n.t('catalogue.version'), dataIndex: 'version', align: 'right' },
          ...(writable
            ? [
                {
                  title: i18n.t('app.actions'),
                  key: 'actions',
                  render: (_: unknown, power: Power) => (
                    <Button
                      size="small"
                      onClick={() => {
                        setError(undefined);
                        setLeftover([]);
                        reviseForm.setFieldsValue({ requirements: power.requirements });
                        setRevising(power);
                      }}
                    >
                      {i18n.t('catalogue.revise')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />

      <Modal
        open={adding}
        title={i18n.t('catalogue.add')}
        onCancel={() => setAdding(false)}
        onOk={add}
        confirmLoading={busy}
        okText={i18n.t('app.save')}
        width={760}
        forceRender
        okButtonProps={{ 'data-testid': 'power-submit' }}
      >
        <ProblemAlert error={error} leftover={leftover} />
        <Form<PowerForm>
          form={addForm}
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
      </Modal>

      <Modal
        open={revising !== undefined}
        title={i18n.t('catalogue.reviseTitle', { name: revising ? `${revising.code} ${revising.name}` : '' })}
        onCancel={() => setRevising(undefined)}
        onOk={revise}
        confirmLoading={busy}
        okText={i18n.t('app.save')}
        width={760}
        forceRender
      >
        <ProblemAlert error={error} leftover={leftover} onReload={() => void reloadRevising()} />
        <Form<{ requirements: Requirements }> form={reviseForm} name="requirements" layout="vertical">
          <RequirementsEditor category={revising?.category} />
        </Form>
      </Modal>
    </Card>
  );
}

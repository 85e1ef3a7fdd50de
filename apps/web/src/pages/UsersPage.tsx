import { Alert, Button, Card, Form, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { api } from '../api/endpoints';
import type { Role, Township } from '../api/types';
import { usersApi, type ManagedUser, type RoleChange } from '../api/users';
import { useToast } from '../app/toast';
import { FormDialog } from '../components/FormDialog';
import { PasswordItem } from '../components/PasswordItem';
import { ProblemAlert } from '../components/problems';
import { useAsync } from '../components/useAsync';
import { useFormSubmit } from '../components/useFormSubmit';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session/session';

const ASSIGNABLE_ROLES: readonly Role[] = ['county_admin', 'department', 'township', 'auditor'];

interface Directory {
  users: ManagedUser[];
  townships: Map<string, Township[]>;
}

/** The users of the caller's county (every county for the system admin), with the townships a role change may pick. */
async function loadDirectory(): Promise<Directory> {
  const users = await usersApi.list();
  const counties = [...new Set(users.map((user) => user.countyId).filter((id): id is string => id !== null))];
  const townships = new Map(await Promise.all(counties.map(async (countyId) => [countyId, await api.townships(countyId)] as const)));
  return { users, townships };
}

type Dialog = { kind: 'role' | 'password'; user: ManagedUser } | undefined;

/** 用户管理 (county_admin: its county; admin: everyone): disable and enable logins, change roles, reset passwords. */
export default function UsersPage() {
  const i18n = useI18n();
  const toast = useToast();
  const { user: me } = useSession();
  const directory = useAsync(loadDirectory, []);
  const [dialog, setDialog] = useState<Dialog>(undefined);
  const [actionError, setActionError] = useState<unknown>(undefined);

  const townshipName = (user: ManagedUser): string | undefined =>
    user.countyId && user.townshipId
      ? directory.data?.townships.get(user.countyId)?.find((t) => t.id === user.townshipId)?.name
      : undefined;

  const toggle = async (user: ManagedUser) => {
    setActionError(undefined);
    try {
      if (user.disabled) {
        await usersApi.enable(user.id);
        toast.success(i18n.t('users.enabledDone', { username: user.username }));
      } else {
        await usersApi.disable(user.id);
        toast.success(i18n.t('users.disabledDone', { username: user.username }));
      }
      await directory.reload();
    } catch (caught) {
      setActionError(caught);
    }
  };

  return (
    <Card title={i18n.t('users.title')} data-testid="users-page">
      <Alert type="info" showIcon message={i18n.t('users.hint')} style={{ marginBottom: 16 }} />
      <ProblemAlert error={directory.error ?? actionError} onReload={directory.reload} />
      <Table<ManagedUser>
        rowKey="id"
        loading={directory.loading}
        dataSource={directory.data?.users ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(user) => ({ 'data-testid': `user-${user.username}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: i18n.t('users.username'),
            dataIndex: 'username',
            render: (_value, user) => (
              <span>
                {user.username}
                {user.username === me?.username ? i18n.t('users.you') : ''}
              </span>
            ),
          },
          {
            title: i18n.t('users.role'),
            dataIndex: 'role',
            render: (_value, user) => (
              <Space size={4}>
                {i18n.t(`role.${user.role}`)}
                {user.head && <Tag color="gold">{i18n.t('users.head')}</Tag>}
              </Space>
            ),
          },
          { title: i18n.t('users.scope'), key: 'scope', render: (_value, user) => user.department ?? townshipName(user) ?? '—' },
          {
            title: i18n.t('users.status'),
            dataIndex: 'disabled',
            render: (_value, user) =>
              user.disabled ? (
                <Tag color="red" data-testid="user-status">
                  {i18n.t('users.disabled')}
                </Tag>
              ) : (
                <Tag color="green" data-testid="user-status">
                  {i18n.t('users.active')}
                </Tag>
              ),
          },
          {
            title: i18n.t('app.actions'),
            key: 'actions',
            render: (_value, user) =>
              user.username === me?.username || user.role === 'admin' ? null : (
                <Space wrap>
                  {user.disabled ? (
                    <Button size="small" onClick={() => void toggle(user)} data-testid="enable-user">
                      {i18n.t('users.enable')}
                    </Button>
                  ) : (
                    <Popconfirm
                      title={i18n.t('users.disableConfirm', { username: user.username })}
                      okText={i18n.t('users.disable')}
                      cancelText={i18n.t('app.cancel')}
                      okButtonProps={{ danger: true }}
                      onConfirm={() => toggle(user)}
                    >
                      <Button size="small" danger data-testid="disable-user">
                        {i18n.t('users.disable')}
                      </Button>
                    </Popconfirm>
                  )}
                  <Button size="small" onClick={() => setDialog({ kind: 'role', user })} data-testid="change-role">
                    {i18n.t('users.changeRole')}
                  </Button>
                  <Button size="small" onClick={() => setDialog({ kind: 'password', user })} data-testid="reset-password">
                    {i18n.t('users.resetPassword')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      {dialog?.kind === 'role' && (
        <RoleDialog
          user={dialog.user}
          townships={(dialog.user.countyId && directory.data?.townships.get(dialog.user.countyId)) || []}
          onClose={() => setDialog(undefined)}
          onDone={async (changed) => {
            setDialog(undefined);
            toast.success(i18n.t('users.roleChanged', { username: changed.username, role: i18n.t(`role.${changed.role}`) }));
            await directory.reload();
          }}
        />
      )}
      {dialog?.kind === 'password' && (
        <ResetPasswordDialog
          user={dialog.user}
          onClose={() => setDialog(undefined)}
          onDone={() => {
            setDialog(undefined);
            toast.success(i18n.t('users.passwordReset', { username: dialog.user.username }));
          }}
        />
      )}
    </Card>
  );
}

function RoleDialog(props: { user: ManagedUser; townships: Township[]; onClose(): void; onDone(user: ManagedUser): Promise<void> }) {
  const i18n = useI18n();
  const [form] = Form.useForm<RoleChange>();
  const submission = useFormSubmit(form);
  const role = Form.useWatch('role', form);
  const submit = () =>
    submission.submit(async (values) => {
      const change: RoleChange = { role: values.role };
      if (values.role === 'township' && values.townshipId) change.townshipId = values.townshipId;
      if (values.role === 'department' && values.department) change.department = values.department.trim();
      await props.onDone(await usersApi.changeRole(props.user.id, change));
    });
  return (
    <FormDialog
      open
      title={i18n.t('users.changeRoleTitle', { username: props.user.username })}
      submission={submission}
      onOk={() => void submit()}
      onClose={props.onClose}
    >
      <Form
        form={form}
        layout="vertical"
        name="change-role"
        initialValues={{
          role: props.user.role,
          townshipId: props.user.townshipId ?? undefined,
          department: props.user.department ?? undefined,
        }}
      >
        <Form.Item name="role" label={i18n.t('users.newRole')} rules={[{ required: true }]}>
          <Select data-testid="new-role" options={ASSIGNABLE_ROLES.map((value) => ({ value, label: i18n.t(`role.${value}`) }))} />
        </Form.Item>
        {role === 'township' && (
          <Form.Item
            name="townshipId"
            label={i18n.t('users.township')}
            rules={[{ required: true, message: i18n.t('users.townshipRequired') }]}
          >
            <Select options={props.townships.map((t) => ({ value: t.id, label: t.name }))} />
          </Form.Item>
        )}
        {role === 'department' && (
          <Form.Item
            name="department"
            label={i18n.t('users.department')}
            rules={[{ required: true, whitespace: true, max: 100, message: i18n.t('users.departmentRequired') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
        )}
      </Form>
    </FormDialog>
  );
}

function ResetPasswordDialog(props: { user: ManagedUser; onClose(): void; onDone(): void }) {
  const i18n = useI18n();
  const [form] = Form.useForm<{ password: string }>();
  const submission = useFormSubmit(form);
  const submit = () =>
    submission.submit(async ({ password }) => {
      await usersApi.resetPassword(props.user.id, password);
      props.onDone();
    });
  return (
    <FormDialog
      open
      title={i18n.t('users.resetPasswordTitle', { username: props.user.username })}
      submission={submission}
      onOk={() => void submit()}
      onClose={props.onClose}
    >
      <Form form={form} layout="vertical" name="reset-password">
        <PasswordItem name="password" label={i18n.t('users.newPassword')} testId="reset-password-input" />
      </Form>
    </FormDialog>
  );
}

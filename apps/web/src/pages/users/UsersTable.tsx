import { Button, Popconfirm, Space, Table, Tag } from 'antd';
import type { HTMLAttributes } from 'react';
import type { ManagedUser } from '../../api/users';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { townshipName, type Directory, type UserDialog } from './directory';

/** The users with their role, scope and status, and what may be done to each (not to oneself nor the system admin). */
export function UsersTable({
  directory,
  loading,
  onToggle,
  onDialog,
}: {
  directory: Directory | undefined;
  loading: boolean;
  onToggle(user: ManagedUser): void;
  onDialog(dialog: UserDialog): void;
}) {
  const i18n = useI18n();
  const { user: me } = useSession();
  return (
    <Table<ManagedUser>
      rowKey="id"
      loading={loading}
      dataSource={directory?.users ?? []}
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
        { title: i18n.t('users.scope'), key: 'scope', render: (_value, user) => user.department ?? townshipName(directory, user) ?? '—' },
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
                  <Button size="small" onClick={() => onToggle(user)} data-testid="enable-user">
                    {i18n.t('users.enable')}
                  </Button>
                ) : (
                  <Popconfirm
                    title={i18n.t('users.disableConfirm', { username: user.username })}
                    okText={i18n.t('users.disable')}
                    cancelText={i18n.t('app.cancel')}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => onToggle(user)}
                  >
                    <Button size="small" danger data-testid="disable-user">
                      {i18n.t('users.disable')}
                    </Button>
                  </Popconfirm>
                )}
                <Button size="small" onClick={() => onDialog({ kind: 'role', user })} data-testid="change-role">
                  {i18n.t('users.changeRole')}
                </Button>
                <Button size="small" onClick={() => onDialog({ kind: 'password', user })} data-testid="reset-password">
                  {i18n.t('users.resetPassword')}
                </Button>
              </Space>
            ),
        },
      ]}
    />
  );
}

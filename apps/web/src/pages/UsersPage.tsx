import { Alert, Card } from 'antd';
import { useState } from 'react';
import { usersApi, type ManagedUser } from '../api/users';
import { useToast } from '../app/toast';
import { ProblemAlert } from '../components/problems';
import { useAsync } from '../components/useAsync';
import { useI18n } from '../i18n/i18n';
import { loadDirectory, type UserDialog } from './users/directory';
import { ResetPasswordDialog } from './users/ResetPasswordDialog';
import { RoleDialog } from './users/RoleDialog';
import { UsersTable } from './users/UsersTable';

/** 用户管理 (county_admin: its county; admin: everyone): disable and enable logins, change roles, reset passwords. */
export default function UsersPage() {
  const i18n = useI18n();
  const toast = useToast();
  const directory = useAsync(loadDirectory, []);
  const [dialog, setDialog] = useState<UserDialog>(undefined);
  const [actionError, setActionError] = useState<unknown>(undefined);

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
      <UsersTable directory={directory.data} loading={directory.loading} onToggle={(user) => void toggle(user)} onDialog={setDialog} />
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

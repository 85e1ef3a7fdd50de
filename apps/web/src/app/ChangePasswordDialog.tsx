import { KeyOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { ApiProblem } from '../api/http';
import { usersApi } from '../api/users';
import { applyFieldErrors, explain } from '../components/problems';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session/session';
import { useToast } from './toast';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

const MIN_PASSWORD_LENGTH = 8;

/** 修改密码: every user changes its own password, giving the current one; the session goes on with the new one. */
export function ChangePasswordButton() {
  const i18n = useI18n();
  const toast = useToast();
  const { user, login } = useSession();
  const [form] = Form.useForm<PasswordForm>();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  if (!user) return null;

  const close = () => {
    setOpen(false);
    setError(undefined);
    form.resetFields();
  };
  const submit = async () => {
    const { currentPassword, newPassword } = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      await usersApi.changeOwnPassword(currentPassword, newPassword);
      // The change ends every session of the user, this one too: it goes on under the new password.
      await login(user.username, newPassword);
      toast.success(i18n.t('password.changed'));
      close();
    } catch (caught) {
      if (caught instanceof ApiProblem && (caught.problem.type ?? '').endsWith('/wrong-password')) {
        form.setFields([{ name: 'currentPassword', errors: [i18n.t('password.wrongCurrent')] }]);
      } else {
        const leftover = applyFieldErrors(form, caught);
        if (!(caught instanceof ApiProblem) || caught.fieldErrors.length === 0 || leftover.length > 0) setError(caught);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button size="small" icon={<KeyOutlined />} onClick={() => setOpen(true)} data-testid="change-password">
        {i18n.t('password.change')}
      </Button>
      <Modal
        open={open}
        title={i18n.t('password.change')}
        onOk={submit}
        onCancel={close}
        confirmLoading={busy}
        okText={i18n.t('app.save')}
        cancelText={i18n.t('app.cancel')}
      >
        {error !== undefined && <Alert type="error" showIcon message={explain(i18n, error)} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" name="change-password" onFinish={submit}>
          <Form.Item
            name="currentPassword"
            label={i18n.t('password.current')}
            rules={[{ required: true, message: i18n.t('password.currentRequired') }]}
          >
            <Input.Password autoComplete="current-password" data-testid="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={i18n.t('password.new')}
            rules={[{ required: true, min: MIN_PASSWORD_LENGTH, message: i18n.t('users.passwordTooShort') }]}
          >
            <Input.Password autoComplete="new-password" data-testid="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={i18n.t('password.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: i18n.t('password.mismatch') },
              ({ getFieldValue }) => ({
                validator: (_rule, value) =>
                  value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(i18n.t('password.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="confirm-password" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

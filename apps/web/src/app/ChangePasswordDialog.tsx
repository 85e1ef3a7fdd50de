import { KeyOutlined } from '@ant-design/icons';
import { Button, Form, Input } from 'antd';
import { useState } from 'react';
import { ApiProblem } from '../api/http';
import { usersApi } from '../api/users';
import { FormDialog } from '../components/FormDialog';
import { PasswordItem } from '../components/PasswordItem';
import { useFormSubmit } from '../components/useFormSubmit';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session/session';
import { useToast } from './toast';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** 修改密码: every user changes its own password, giving the current one; the session goes on with the new one. */
export function ChangePasswordButton() {
  const i18n = useI18n();
  const toast = useToast();
  const { user, login } = useSession();
  const [form] = Form.useForm<PasswordForm>();
  const submission = useFormSubmit(form);
  const [open, setOpen] = useState(false);
  if (!user) return null;

  const close = () => {
    setOpen(false);
    submission.clear();
    form.resetFields();
  };
  const submit = () =>
    submission.submit(async ({ currentPassword, newPassword }) => {
      try {
        await usersApi.changeOwnPassword(currentPassword, newPassword);
      } catch (caught) {
        if (caught instanceof ApiProblem && (caught.problem.type ?? '').endsWith('/wrong-password')) {
          form.setFields([{ name: 'currentPassword', errors: [i18n.t('password.wrongCurrent')] }]);
          return;
        }
        throw caught;
      }
      // The change ends every session of the user, this one too: it goes on under the new password.
      await login(user.username, newPassword);
      toast.success(i18n.t('password.changed'));
      close();
    });

  return (
    <>
      <Button size="small" icon={<KeyOutlined />} onClick={() => setOpen(true)} data-testid="change-password">
        {i18n.t('password.change')}
      </Button>
      <FormDialog open={open} title={i18n.t('password.change')} submission={submission} onOk={() => void submit()} onClose={close}>
        <Form form={form} layout="vertical" name="change-password">
          <Form.Item
            name="currentPassword"
            label={i18n.t('password.current')}
            rules={[{ required: true, message: i18n.t('password.currentRequired') }]}
          >
            <Input.Password autoComplete="current-password" data-testid="current-password" />
          </Form.Item>
          <PasswordItem name="newPassword" label={i18n.t('password.new')} testId="new-password" />
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
      </FormDialog>
    </>
  );
}

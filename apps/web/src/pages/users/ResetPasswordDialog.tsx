import { Form } from 'antd';
import { usersApi, type ManagedUser } from '../../api/users';
import { FormDialog } from '../../components/FormDialog';
import { PasswordItem } from '../../components/PasswordItem';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useI18n } from '../../i18n/i18n';

/** Sets a new password for another user (who is asked to change it at the next login). */
export function ResetPasswordDialog(props: { user: ManagedUser; onClose(): void; onDone(): void }) {
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

import { Form, Input } from 'antd';
import { useI18n } from '../i18n/i18n';

/** The API's minimum password length. */
export const MIN_PASSWORD_LENGTH = 8;

/** A new password field: required, at least MIN_PASSWORD_LENGTH characters. */
export function PasswordItem(props: { name: string; label: string; testId: string }) {
  const i18n = useI18n();
  return (
    <Form.Item
      name={props.name}
      label={props.label}
      rules={[{ required: true, min: MIN_PASSWORD_LENGTH, message: i18n.t('users.passwordTooShort') }]}
    >
      <Input.Password autoComplete="new-password" data-testid={props.testId} />
    </Form.Item>
  );
}

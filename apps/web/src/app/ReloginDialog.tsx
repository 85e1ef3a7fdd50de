import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session/session';
import { explain } from '../components/explain';

/** Over the page when the token has expired: log in again without leaving the page (nothing typed is lost). */
export default function ReloginDialog() {
  const i18n = useI18n();
  const { expired, user, login } = useSession();
  const [form] = Form.useForm<{ password: string }>();
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  if (!user) return null;
  const submit = async () => {
    const { password } = await form.validateFields();
    setBusy(true);
    try {
      await login(user.username, password);
      form.resetFields();
      setError(undefined);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={expired}
      title={i18n.t('login.expiredTitle')}
      closable={false}
      maskClosable={false}
      onOk={submit}
      confirmLoading={busy}
      cancelButtonProps={{ style: { display: 'none' } }}
      okText={i18n.t('login.submit')}
    >
      <p>{i18n.t('login.expired')}</p>
      {error !== undefined && <Alert type="error" showIcon message={explain(i18n, error)} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" name="relogin" onFinish={submit}>
        <Form.Item label={i18n.t('login.username')}>
          <Input value={user.username} disabled />
        </Form.Item>
        <Form.Item name="password" label={i18n.t('login.password')} rules={[{ required: true, message: i18n.t('login.passwordRequired') }]}>
          <Input.Password autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

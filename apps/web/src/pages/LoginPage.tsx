import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState, useEffect } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiProblem } from '../api/http';
import { explain } from '../components/explain';
import { applyFieldErrors } from '../components/fieldErrors';
import { useI18n } from '../i18n/i18n';
import { homeOf, isCountyRole, useSession } from '../session/session';

interface LoginForm {
  username: string;
  password: string;
}

export function LoginPage() {
  const i18n = useI18n();
  useEffect(() => {
    document.title = `${i18n.t('login.title')} · ${i18n.t('app.name')}`;
  }, [i18n]);
  const { user, login } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [form] = Form.useForm<LoginForm>();
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const from = (location.state as { from?: string } | null)?.from;

  if (user) return <Navigate to={homeOf(user.role)} replace />;

  const submit = async (values: LoginForm) => {
    setBusy(true);
    setError(undefined);
    try {
      const loggedIn = await login(values.username.trim(), values.password);
      // Back where the user was sent from, unless that page is not for this role.
      const back =
        from &&
        !(from.startsWith('/county') && !isCountyRole(loggedIn.role)) &&
        !(from.startsWith('/township') && loggedIn.role !== 'township')
          ? from
          : undefined;
      navigate(back ?? homeOf(loggedIn.role), { replace: true });
    } catch (caught) {
      applyFieldErrors(form, caught, i18n);
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(160deg, #fff1f0 0%, #f5f5f5 60%)',
      }}
    >
      <div
        style={{ width: 380, background: '#fff', borderRadius: 8, padding: 24, boxShadow: '0 6px 16px rgba(0,0,0,0.08)' }}
        data-testid="login"
      >
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline' }}>
          <h1 style={{ color: '#c41d2f', margin: 0, fontSize: 30 }}>{i18n.t('app.name')}</h1>
          <Button type="link" size="small" onClick={() => i18n.setLanguage(i18n.language === 'zh' ? 'en' : 'zh')} data-testid="language">
            {i18n.t('app.language')}
          </Button>
        </div>
        <p style={{ color: 'rgba(0,0,0,0.45)' }}>{i18n.t('app.subtitle')}</p>
        {error !== undefined && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="login-error"
            message={
              error instanceof ApiProblem && error.problem.code === 'account-disabled'
                ? i18n.t('problemCode.account-disabled')
                : error instanceof ApiProblem && error.status === 401
                  ? i18n.t('login.failed')
                  : explain(i18n, error)
            }
          />
        )}
        <Form form={form} name="login" layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            name="username"
            label={i18n.t('login.username')}
            rules={[{ required: true, whitespace: true, message: i18n.t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={i18n.t('login.password')}
            rules={[{ required: true, message: i18n.t('login.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            {i18n.t('login.submit')}
          </Button>
        </Form>
      </div>
    </div>
  );
}

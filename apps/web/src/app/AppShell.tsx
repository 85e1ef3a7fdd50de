import { AuditOutlined, LogoutOutlined } from '@ant-design/icons';
import { Alert, Button, Layout, Menu, Space, Tag } from 'antd';
import { lazy, Suspense, useEffect } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session/session';
import { ChangePasswordButton } from './ChangePasswordDialog';
import { menuOf, pageTitle, selectedKey } from './menu';
import { useUnread } from './unread';
// Only needed once a token expires: not part of the first load.
const ReloginDialog = lazy(() => import('./ReloginDialog'));

export function AppShell() {
  const i18n = useI18n();
  const { user, logout, expired } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const { count } = useUnread();
  const items = user ? menuOf(i18n, user, count ?? 0) : [];
  const title = pageTitle(i18n, items, location.pathname);
  useEffect(() => {
    document.title = title ? `${title} · ${i18n.t('app.name')}` : i18n.t('app.name');
  }, [title, i18n]);
  if (!user) return null;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{ display: 'flex', alignItems: 'center', gap: 16, background: '#fff', borderBottom: '1px solid #f0f0f0', paddingInline: 24 }}
      >
        <span style={{ margin: 0, color: '#c41d2f', whiteSpace: 'nowrap', fontSize: 20, fontWeight: 600 }}>{i18n.t('app.name')}</span>
        <span style={{ color: 'rgba(0,0,0,0.45)', whiteSpace: 'nowrap' }}>{i18n.t('app.subtitle')}</span>
        <div style={{ flex: 1 }} />
        <Space>
          <Tag
            color={user.role === 'auditor' ? 'purple' : 'geekblue'}
            icon={user.role === 'auditor' ? <AuditOutlined /> : undefined}
            data-testid="role"
          >
            {i18n.t(`role.${user.role}`)}
            {user.department ? ` · ${user.department}` : ''}
          </Tag>
          <span data-testid="username">{user.username}</span>
          <Button size="small" onClick={() => i18n.setLanguage(i18n.language === 'zh' ? 'en' : 'zh')} data-testid="language">
            {i18n.t('app.language')}
          </Button>
          <ChangePasswordButton />
          <Button
            size="small"
            icon={<LogoutOutlined />}
            onClick={() => {
              logout();
              navigate('/login');
            }}
            data-testid="logout"
          >
            {i18n.t('app.logout')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout style={{ background: '#fff' }}>
        <Layout.Sider width={200} theme="light" breakpoint="lg" collapsedWidth={0} style={{ borderRight: '1px solid #f0f0f0' }}>
          <Menu
            mode="inline"
            items={items}
            selectedKeys={selectedKey(items, location.pathname)}
            onClick={({ key }) => navigate(key)}
            style={{ borderRight: 0 }}
            data-testid="menu"
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24, minWidth: 0, background: '#f5f5f5' }}>
          {user.role === 'auditor' && <Alert type="info" showIcon message={i18n.t('app.readOnly')} style={{ marginBottom: 16 }} banner />}
          <Outlet />
        </Layout.Content>
      </Layout>
      {expired && (
        <Suspense fallback={null}>
          <ReloginDialog />
        </Suspense>
      )}
    </Layout>
  );
}

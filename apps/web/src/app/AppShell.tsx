import {
  AlertOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BookOutlined,
  FileAddOutlined,
  InboxOutlined,
  LogoutOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Alert, Button, Layout, Menu, Space, Tag } from 'antd';
import { lazy, Suspense } from 'react';
import type { ItemType } from 'antd/es/menu/interface';
import { Outlet, useLocation, useNavigate } from 'react-router';
import type { SessionUser } from '../api/types';
import { useI18n, type I18n } from '../i18n/i18n';
import { useSession } from '../session/session';
import { ChangePasswordButton } from './ChangePasswordDialog';
// Only needed once a token expires: not part of the first load.
const ReloginDialog = lazy(() => import('./ReloginDialog'));

function menuOf(i18n: I18n, user: SessionUser): ItemType[] {
  switch (user.role) {
    case 'township':
      return [
        { key: '/inbox', icon: <InboxOutlined />, label: i18n.t('nav.inbox') },
        { key: '/township/awaiting', icon: <AlertOutlined />, label: i18n.t('nav.awaiting') },
        { key: '/township/team', icon: <TeamOutlined />, label: i18n.t('nav.team') },
      ];
    case 'admin':
      return [
        { key: '/system', icon: <AppstoreOutlined />, label: i18n.t('nav.counties') },
        { key: '/users', icon: <UserOutlined />, label: i18n.t('nav.users') },
      ];
    default: {
      const items: ItemType[] = [
        { key: '/county', icon: <AppstoreOutlined />, label: i18n.t('nav.dashboard') },
        { key: '/county/handovers', icon: <UnorderedListOutlined />, label: i18n.t('nav.handovers') },
      ];
      if (user.role !== 'auditor') items.push({ key: '/county/handovers/new', icon: <FileAddOutlined />, label: i18n.t('nav.record') });
      items.push({ key: '/county/catalogue', icon: <BookOutlined />, label: i18n.t('nav.catalogue') });
      items.push({ key: '/inbox', icon: <InboxOutlined />, label: i18n.t('nav.inbox') });
      if (user.role === 'county_admin') items.push({ key: '/users', icon: <UserOutlined />, label: i18n.t('nav.users') });
      return items;
    }
  }
}

/** The selected menu entry: the longest key the path starts with. */
function selectedKey(items: ItemType[], path: string): string[] {
  const keys = items.map((item) => String(item?.key ?? '')).filter((key) => path === key || path.startsWith(`${key}/`));
  const best = keys.sort((a, b) => b.length - a.length)[0];
  return best ? [best] : [];
}

export function AppShell() {
  const i18n = useI18n();
  const { user, logout, expired } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  if (!user) return null;
  const items = menuOf(i18n, user);
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

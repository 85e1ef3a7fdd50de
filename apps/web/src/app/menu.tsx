import {
  AlertOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  CalculatorOutlined,
  FileProtectOutlined,
  LineChartOutlined,
  NotificationOutlined,
  FileAddOutlined,
  FileExcelOutlined,
  InboxOutlined,
  OrderedListOutlined,
  ProfileOutlined,
  RollbackOutlined,
  SolutionOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Badge } from 'antd';
import type { ItemType } from 'antd/es/menu/interface';
import type { SessionUser } from '../api/types';
import type { I18n } from '../i18n/i18n';

/** 提醒, with the unread count beside it. */
function inboxItem(i18n: I18n, unread: number): ItemType {
  return {
    key: '/inbox',
    icon: <InboxOutlined />,
    title: i18n.t('nav.inbox'),
    label: (
      <span>
        {i18n.t('nav.inbox')} <Badge count={unread} size="small" offset={[4, -2]} data-testid="nav-unread" />
      </span>
    ),
  };
}

export function menuOf(i18n: I18n, user: SessionUser, unread: number): ItemType[] {
  switch (user.role) {
    case 'township':
      return [
        inboxItem(i18n, unread),
        { key: '/whistles', icon: <NotificationOutlined />, label: i18n.t('nav.whistles') },
        { key: '/township/awaiting', icon: <AlertOutlined />, label: i18n.t('nav.awaiting') },
        { key: '/township/team', icon: <TeamOutlined />, label: i18n.t('nav.team') },
        { key: '/township/duty-list', icon: <ProfileOutlined />, label: i18n.t('nav.myDutyList') },
        { key: '/township/recalls', icon: <RollbackOutlined />, label: i18n.t('nav.recalls') },
        { key: '/usage', icon: <FileExcelOutlined />, label: i18n.t('nav.usage') },
        { key: '/as-of', icon: <FileProtectOutlined />, label: i18n.t('nav.asOf') },
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
      items.push({ key: '/whistles', icon: <NotificationOutlined />, label: i18n.t('nav.whistles') });
      items.push({ key: '/usage', icon: <FileExcelOutlined />, label: i18n.t('nav.usage') });
      if (user.role !== 'department') items.push({ key: '/evaluations', icon: <LineChartOutlined />, label: i18n.t('nav.evaluations') });
      items.push({ key: '/as-of', icon: <FileProtectOutlined />, label: i18n.t('nav.asOf') });
      if (user.role !== 'department') items.push({ key: '/assessments', icon: <BarChartOutlined />, label: i18n.t('nav.assessments') });
      if (user.role === 'county_admin') items.push({ key: '/plans', icon: <CalculatorOutlined />, label: i18n.t('nav.batchPlan') });
      items.push({ key: '/forecast', icon: <CalendarOutlined />, label: i18n.t('nav.forecast') });
      items.push({
        type: 'group',
        key: 'duty-lists',
        label: i18n.t('nav.dutyLists'),
        children: [
          { key: '/county/duties', icon: <ProfileOutlined />, label: i18n.t('nav.duties') },
          { key: '/county/duty-lists', icon: <OrderedListOutlined />, label: i18n.t('nav.townshipLists') },
        ],
      });
      if (user.role === 'department')
        items.push({ key: '/county/admissions', icon: <SolutionOutlined />, label: i18n.t('nav.admissions') });
      else items.push({ key: '/decisions', icon: <AuditOutlined />, label: i18n.t('nav.decisions') });
      items.push(inboxItem(i18n, unread));
      if (user.role === 'county_admin') items.push({ key: '/users', icon: <UserOutlined />, label: i18n.t('nav.users') });
      return items;
    }
  }
}

/** The entries that open a page: the items, with the children of a group in place of the group. */
function pagesOf(items: ItemType[]): ItemType[] {
  return items.flatMap((item) => (item && 'children' in item && Array.isArray(item.children) ? pagesOf(item.children) : [item]));
}

/** The selected menu entry: the longest key the path starts with. */
export function selectedKey(items: ItemType[], path: string): string[] {
  const keys = pagesOf(items)
    .map((item) => String(item?.key ?? ''))
    .filter((key) => path === key || path.startsWith(`${key}/`));
  const best = keys.sort((a, b) => b.length - a.length)[0];
  return best ? [best] : [];
}

/** The page's name for the browser tab: its menu entry, or what the page shows (a handover, a team). */
export function pageTitle(i18n: I18n, items: ItemType[], path: string): string | undefined {
  if (path.startsWith('/handovers/')) return i18n.t('handover.title');
  if (path.startsWith('/teams/')) return i18n.t('nav.team');
  if (path.startsWith('/whistles/')) return i18n.t('nav.whistles');
  if (/^\/townships\/[^/]+\/as-of$/.test(path)) return i18n.t('nav.asOf');
  const [key] = selectedKey(items, path);
  const item = pagesOf(items).find((candidate) => String(candidate?.key ?? '') === key);
  return item && 'title' in item && typeof item.title === 'string'
    ? item.title
    : item && 'label' in item && typeof item.label === 'string'
      ? item.label
      : undefined;
}

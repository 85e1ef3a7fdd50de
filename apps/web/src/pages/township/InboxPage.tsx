import { Badge, Button, Card, Space, Table, Typography } from 'antd';
import { allHandovers, api } from '../../api/endpoints';
import { ApiProblem } from '../../api/http';
import type { Handover, InboxItem } from '../../api/types';
import { ProblemAlert } from '../../components/problems';
import { useAsync } from '../../components/useAsync';
import { useUnread } from '../../app/unread';
import { useI18n } from '../../i18n/i18n';
import { inboxColumns } from './inbox/inboxColumns';

/** The caller's reminders, newest first; unread ones in bold. */
export default function InboxPage() {
  const i18n = useI18n();
  const unread = useUnread();
  const inbox = useAsync(async () => {
    let items: InboxItem[];
    try {
      items = await api.inbox();
    } catch (caught) {
      if (caught instanceof ApiProblem && caught.status === 404)
        return { items: [], unavailable: true, handovers: new Map<string, Handover>() };
      throw caught;
    }
    const handovers = new Map<string, Handover>();
    if (items.some((item) => item.handoverId)) {
      for (const handover of await allHandovers().catch(() => [] as Handover[])) handovers.set(handover.id, handover);
    }
    return { items, unavailable: false, handovers };
  }, []);

  const markRead = async (item: InboxItem) => {
    await api.markRead(item.id);
    if (inbox.data)
      inbox.setData({
        ...inbox.data,
        items: inbox.data.items.map((entry) => (entry.id === item.id ? { ...entry, readAt: new Date().toISOString() } : entry)),
      });
    await unread.refresh();
  };
  const markAllRead = async () => {
    await api.markAllRead();
    await Promise.all([inbox.reload(), unread.refresh()]);
  };

  const unreadShown = inbox.data?.items.filter((item) => !item.readAt).length ?? 0;
  return (
    <Card
      title={
        <span>
          {i18n.t('inbox.title')} <Badge count={unreadShown} data-testid="unread-count" />
        </span>
      }
      extra={
        <Space>
          <Button onClick={() => void markAllRead()} disabled={unreadShown === 0} data-testid="inbox-read-all">
            {i18n.t('inbox.markAllRead')}
          </Button>
          <Button onClick={() => void inbox.reload()}>{i18n.t('app.reload')}</Button>
        </Space>
      }
    >
      <ProblemAlert error={inbox.error} onReload={inbox.reload} />
      {inbox.data?.unavailable ? (
        <Typography.Text type="secondary" data-testid="inbox-unavailable">
          {i18n.t('inbox.unavailable')}
        </Typography.Text>
      ) : (
        <Table<InboxItem>
          data-testid="inbox"
          rowKey="id"
          loading={inbox.loading}
          dataSource={inbox.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (count) => i18n.t('app.total', { count }) }}
          locale={{ emptyText: i18n.t('inbox.empty') }}
          onRow={(item) => ({ style: { fontWeight: item.readAt ? 'normal' : 600 } })}
          columns={inboxColumns(i18n, inbox.data?.handovers, markRead)}
        />
      )}
    </Card>
  );
}

import { Badge, Button, Card, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { allHandovers, api, itemsOf } from '../../api/endpoints';
import { ApiProblem } from '../../api/http';
import type { Handover, InboxItem } from '../../api/types';
import { gapsSummary } from '../../components/labels';
import { ProblemAlert } from '../../components/problems';
import { useAsync } from '../../components/useAsync';
import { useI18n } from '../../i18n/i18n';

const KIND_COLORS: Record<string, string> = {
  gap: 'error',
  unanswered: 'warning',
  'certificate-expiry': 'orange',
  'gaps-closed': 'success',
  'handover-recorded': 'processing',
};

/** The caller's reminders, newest first; unread ones in bold. */
export default function InboxPage() {
  const i18n = useI18n();
  const inbox = useAsync(async () => {
    let items: InboxItem[];
    try {
      items = itemsOf(await api.inbox());
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
  };

  const unread = inbox.data?.items.filter((item) => !item.readAt).length ?? 0;
  return (
    <Card
      title={
        <span>
          {i18n.t('inbox.title')} <Badge count={unread} data-testid="unread-count" />
        </span>
      }
      extra={<Button onClick={() => void inbox.reload()}>{i18n.t('app.reload')}</Button>}
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
          columns={[
            {
              title: i18n.t('inbox.kind'),
              dataIndex: 'kind',
              render: (kind: string, item) => (
                <Tag color={KIND_COLORS[kind] ?? 'default'} data-testid="inbox-kind" data-kind={kind} data-handover={item.handoverId ?? ''}>
                  {i18n.tr(`reminder.${kind}`, i18n.t('reminder.other'))}
                </Tag>
              ),
            },
            {
              title: i18n.t('inbox.handover'),
              key: 'handover',
              render: (_, item) => {
                const handover = item.handoverId ? inbox.data?.handovers.get(item.handoverId) : undefined;
                return item.handoverId ? (
                  <Link to={`/handovers/${item.handoverId}`} onClick={() => !item.readAt && void markRead(item)} data-testid="inbox-open">
                    {handover ? `${handover.powerName ?? handover.powerCode} → ${handover.townshipName ?? ''}` : i18n.t('inbox.open')}
                  </Link>
                ) : (
                  '—'
                );
              },
            },
            {
              title: i18n.t('handover.gaps'),
              key: 'gaps',
              render: (_, item) => (item.gaps && item.gaps.length > 0 ? gapsSummary(i18n, item.gaps) : '—'),
            },
            { title: i18n.t('inbox.createdAt'), dataIndex: 'createdAt', width: 120, render: (value: string) => i18n.dateTime(value) },
            {
              title: i18n.t('handovers.status'),
              key: 'read',
              render: (_, item) =>
                item.readAt ? (
                  <Typography.Text type="secondary">{i18n.t('inbox.read')}</Typography.Text>
                ) : (
                  <Button size="small" onClick={() => void markRead(item)}>
                    {i18n.t('inbox.markRead')}
                  </Button>
                ),
            },
          ]}
        />
      )}
    </Card>
  );
}

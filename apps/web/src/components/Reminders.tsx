import { Alert, Space, Table, Tag, Tooltip } from 'antd';
import type { Delivery, HandoverReminder } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { gapsSummary } from './labels';
import { recipientLabel, useWhoIs } from './recipients';

const DELIVERY_COLORS: Record<string, string> = { delivered: 'success', pending: 'processing', failed: 'error' };

/** Every reminder of a handover with each delivery's channel, status and attempts. */
export function Reminders({ reminders, unavailable }: { reminders: HandoverReminder[] | undefined; unavailable: boolean }) {
  const i18n = useI18n();
  const who = useWhoIs();
  if (unavailable) return <Alert type="info" showIcon message={i18n.t('handover.remindersUnavailable')} />;
  return (
    <Table<HandoverReminder>
      data-testid="reminders"
      size="small"
      rowKey="id"
      dataSource={reminders ?? []}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      locale={{ emptyText: i18n.t('handover.noReminders') }}
      columns={[
        {
          title: i18n.t('inbox.kind'),
          key: 'kind',
          render: (_, reminder) => (
            <Space size={4} direction="vertical">
              <span>
                {i18n.tr(`reminder.${reminder.kind}`, i18n.t('reminder.other'))}
                <span style={{ color: 'rgba(0,0,0,0.45)' }}> · {i18n.t('handover.step', { step: reminder.step + 1 })}</span>
              </span>
              {reminder.escalated && <Tag color="magenta">{i18n.t('handover.escalated')}</Tag>}
              {reminder.gaps !== undefined && reminder.gaps.length > 0 && (
                <span style={{ fontSize: 12 }}>{gapsSummary(i18n, reminder.gaps)}</span>
              )}
            </Space>
          ),
        },
        {
          title: i18n.t('inbox.createdAt'),
          key: 'when',
          width: 110,
          render: (_, reminder) => i18n.dateTime(reminder.createdAt),
        },
        {
          title: `${i18n.t('handover.channel')} · ${i18n.t('handover.deliveryStatus')} · ${i18n.t('handover.attempts')}`,
          key: 'deliveries',
          render: (_, reminder) => (
            <Space size={4} direction="vertical">
              {reminder.deliveries.map((delivery: Delivery) => (
                <Tooltip key={`${delivery.channel}:${delivery.recipient}`} title={delivery.lastError ?? undefined}>
                  <Tag
                    color={DELIVERY_COLORS[delivery.status] ?? 'default'}
                    data-testid="delivery"
                    data-channel={delivery.channel}
                    data-status={delivery.status}
                  >
                    {i18n.tr(`channel.${delivery.channel}`, delivery.channel)}
                    {recipientLabel(who, delivery) ? ` → ${recipientLabel(who, delivery)}` : ''} ·{' '}
                    {i18n.tr(`delivery.${delivery.status}`, delivery.status)} · {i18n.number(delivery.attempts)}
                  </Tag>
                </Tooltip>
              ))}
            </Space>
          ),
        },
      ]}
    />
  );
}

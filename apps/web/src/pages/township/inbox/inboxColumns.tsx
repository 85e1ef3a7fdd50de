import { Button, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import type { Handover, InboxItem } from '../../../api/types';
import { gapsSummary } from '../../../components/labels';
import type { I18n } from '../../../i18n/i18n';

const KIND_COLORS: Record<string, string> = {
  gap: 'error',
  unanswered: 'warning',
  'certificate-expiry': 'orange',
  'gaps-closed': 'success',
  'decision-due': 'warning',
  'decision-made': 'processing',
  supervision: 'error',
};

const OUTCOME_COLORS: Record<string, string> = { approved: 'success', admitted: 'success', rejected: 'default', refused: 'default' };

/** Where a reminder about another subject opens: the county's 待决定 queue for a request, the whistle's page. */
function subjectPath(subject: NonNullable<InboxItem['subject']>): string {
  return subject.type === 'whistle' ? `/whistles/${encodeURIComponent(subject.id)}` : '/decisions';
}

/** A reminder about a request or a whistle: what it is about (opening it reads the reminder), and a decision's outcome. */
function SubjectCell({ item, i18n, markRead }: { item: InboxItem; i18n: I18n; markRead: (item: InboxItem) => Promise<void> }) {
  const { subject, outcome } = item;
  if (!subject) return <>—</>;
  const label = i18n.t(`inbox.subject.${subject.type}`);
  return (
    <>
      <Link
        to={subjectPath(subject)}
        onClick={() => !item.readAt && void markRead(item)}
        data-testid="inbox-open-subject"
        data-subject={subject.id}
      >
        {subject.title ? `${label}：${subject.title}` : label}
      </Link>
      {outcome && (
        <Tag color={OUTCOME_COLORS[outcome] ?? 'default'} style={{ marginLeft: 8 }} data-testid="inbox-outcome" data-outcome={outcome}>
          {i18n.t(`inbox.outcome.${outcome}`)}
        </Tag>
      )}
    </>
  );
}

/** The inbox table's columns: kind, handover or other subject (opening it reads the reminder), gaps, when, read or not. */
export function inboxColumns(
  i18n: I18n,
  handovers: Map<string, Handover> | undefined,
  markRead: (item: InboxItem) => Promise<void>,
): ColumnsType<InboxItem> {
  return [
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
        const handover = item.handoverId ? handovers?.get(item.handoverId) : undefined;
        return item.handoverId ? (
          <Link to={`/handovers/${item.handoverId}`} onClick={() => !item.readAt && void markRead(item)} data-testid="inbox-open">
            {handover ? `${handover.powerName ?? handover.powerCode} → ${handover.townshipName ?? ''}` : i18n.t('inbox.open')}
          </Link>
        ) : (
          <SubjectCell item={item} i18n={i18n} markRead={markRead} />
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
  ];
}

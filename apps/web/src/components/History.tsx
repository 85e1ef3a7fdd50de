import { Timeline, Typography } from 'antd';
import type { Commitments, Gap, HistoryEntry } from '../api/types';
import { useI18n, type I18n } from '../i18n/i18n';
import { courseLabel, gapsSummary, kindLabel } from './labels';
import { useWhoIs } from './recipients';

const COLORS: Record<string, string> = {
  HandoverRecorded: 'blue',
  HandoverAccepted: 'green',
  HandoverContested: 'red',
  HandoverCommitmentsAmended: 'blue',
  HandoverActivated: 'green',
  HandoverRevoked: 'gray',
  ReminderSent: 'orange',
  HandoverUsageRecorded: 'cyan',
  WhistleRaised: 'blue',
  WhistleResolved: 'green',
  WhistleObjected: 'red',
  WhistleStepOverdue: 'red',
  WhistleReopened: 'orange',
  WhistleEvaluated: 'green',
};

function titleOf(i18n: I18n, entry: HistoryEntry): string {
  if (entry.type === 'HandoverAccepted' && entry.data.conditional === true) return i18n.t('event.HandoverAcceptedConditional');
  if (entry.type === 'ReminderSent') {
    const kind = typeof entry.data.kind === 'string' ? entry.data.kind : '';
    return `${i18n.t('event.ReminderSent')} · ${i18n.tr(`reminder.${kind}`, i18n.t('reminder.other'))}`;
  }
  return i18n.tr(`event.${entry.type}`, i18n.t('event.other', { type: entry.type }));
}

function committedText(i18n: I18n, committed: Commitments | undefined): string {
  if (!committed) return '';
  const parts: string[] = [];
  for (const officer of committed.officers ?? []) parts.push(officer.name);
  for (const line of committed.equipment ?? []) parts.push(`${kindLabel(i18n, line.kind)} × ${i18n.number(line.quantity)}`);
  for (const line of committed.training ?? []) parts.push(`${courseLabel(i18n, line.course)} ${i18n.number(line.hours)} h`);
  if (typeof committed.budgetYuan === 'number') parts.push(i18n.yuan(committed.budgetYuan));
  return parts.join('、');
}

function details(i18n: I18n, entry: HistoryEntry, who: (username: string) => string | undefined) {
  const lines: string[] = [];
  const data = entry.data;
  if (typeof data.reason === 'string' && data.reason) lines.push(i18n.t('event.reason', { reason: data.reason }));
  if (Array.isArray(data.gaps) && data.gaps.length > 0)
    lines.push(i18n.t('event.gapsAtTime', { gaps: gapsSummary(i18n, data.gaps as Gap[]) }));
  // Whistles: where it went, what was done, how the township judged it.
  if (entry.type === 'WhistleDispatched' && typeof data.department === 'string')
    lines.push(i18n.t('event.department', { department: data.department }));
  if (typeof data.result === 'string') lines.push(i18n.t('event.result', { result: data.result }));
  if (typeof data.score === 'number')
    lines.push(i18n.t('event.score', { score: data.score, satisfied: i18n.t(data.satisfied === true ? 'whistle.yes' : 'whistle.no') }));
  if (typeof data.comment === 'string') lines.push(data.comment);
  if (entry.type === 'HandoverRecorded') {
    const text = committedText(i18n, data.committed as Commitments | undefined);
    lines.push(
      `${i18n.t(`mode.${data.mode === 'entrustment' ? 'entrustment' : 'transfer'}`)} · ${String(data.instrument ?? '')}${text ? ` · ${text}` : ''}`,
    );
  }
  if (entry.type === 'HandoverCommitmentsAmended')
    lines.push(committedText(i18n, data.committed as Commitments | undefined) || i18n.t('handover.noCommitted'));
  if (entry.type === 'HandoverUsageRecorded' && typeof data.month === 'string' && typeof data.cases === 'number') {
    const values = { month: data.month, cases: i18n.number(data.cases) };
    lines.push(
      typeof data.previousCases === 'number'
        ? i18n.t('event.usageReplaced', { ...values, previous: i18n.number(data.previousCases) })
        : i18n.t('event.usage', values),
    );
  }
  if (entry.type === 'ReminderSent') {
    const recipients = Array.isArray(data.recipients) ? [...new Set((data.recipients as unknown[]).map((name) => who(String(name))))] : [];
    if (typeof data.step === 'number') lines.push(i18n.t('handover.step', { step: data.step + 1 }));
    const known = recipients.filter((name): name is string => name !== undefined);
    if (known.length > 0) lines.push(`${i18n.t('handover.recipients')}: ${known.join('、')}`);
  }
  return lines;
}

/** The handover's history as a timeline: every event with who and when, reminders included. */
export function History({ entries }: { entries: HistoryEntry[] }) {
  const i18n = useI18n();
  const who = useWhoIs();
  return (
    <Timeline
      data-testid="history"
      items={entries.map((entry) => ({
        key: `${entry.version}:${entry.type}`,
        color: COLORS[entry.type] ?? 'gray',
        children: (
          <div data-testid="history-entry" data-type={entry.type}>
            <Typography.Text strong>{titleOf(i18n, entry)}</Typography.Text>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {i18n.t('event.by', {
                  actor: !entry.actor || entry.actor.startsWith('system') ? i18n.t('event.system') : (who(entry.actor) ?? entry.actor),
                  when: i18n.dateTime(entry.occurredAt),
                })}
              </Typography.Text>
            </div>
            {details(i18n, entry, who).map((line) => (
              <div key={line} style={{ fontSize: 13 }}>
                {line}
              </div>
            ))}
          </div>
        ),
      }))}
    />
  );
}

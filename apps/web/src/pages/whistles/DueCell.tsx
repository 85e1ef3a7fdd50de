import { Space, Tag, Typography } from 'antd';
import type { Whistle, WhistleStatus } from '../../api/types';
import { useI18n, type I18n } from '../../i18n/i18n';
import { dueFlag, durationParts } from './due';

const FLAG_COLORS = { overdue: 'error', soon: 'warning', ok: 'default' } as const;
const STATUS_COLORS: Record<WhistleStatus, string> = {
  draft: 'default',
  'awaiting-dispatch': 'purple',
  dispatched: 'blue',
  accepted: 'cyan',
  arrived: 'geekblue',
  resolved: 'green',
  reopened: 'orange',
  closed: 'default',
};

export function workingTime(i18n: I18n, ms: number): string {
  const parts = durationParts(ms);
  return parts.unit === 'hours'
    ? i18n.t('whistle.duration.hours', { hours: parts.hours, minutes: parts.minutes })
    : i18n.t('whistle.duration.minutes', { minutes: parts.minutes, seconds: parts.seconds });
}

export function WhistleStatusTag({ status }: { status: WhistleStatus }) {
  const i18n = useI18n();
  return (
    <Tag color={STATUS_COLORS[status]} data-status={status}>
      {i18n.t(`whistle.status.${status}`)}
    </Tag>
  );
}

/**
 * The step due now: its deadline as a date and, flagged red / amber, the working time left (or past) when
 * the server answered — measured on the county's working calendar by the API, not by the browser's clock.
 */
export function DueCell({ whistle }: { whistle: Whistle }) {
  const i18n = useI18n();
  const due = whistle.due;
  const flag = dueFlag(whistle);
  if (due === null) {
    return flag === 'overdue' ? (
      <Tag color="error" data-flag="overdue">
        {i18n.t('whistle.overdue', { steps: whistle.overdue.map((step) => i18n.t(`whistle.step.${step}`)).join('、') })}
      </Tag>
    ) : (
      <Typography.Text type="secondary">{i18n.t('whistle.noDue')}</Typography.Text>
    );
  }
  return (
    <Space direction="vertical" size={0} data-testid="due" data-flag={flag}>
      <Typography.Text>
        {i18n.t('whistle.dueBy', { step: i18n.t(`whistle.step.${due.step}`), date: i18n.dateTime(due.by) })}
      </Typography.Text>
      <Tag color={FLAG_COLORS[flag]} style={{ marginTop: 2 }}>
        {due.workingMsLeft < 0
          ? i18n.t('whistle.late', { time: workingTime(i18n, due.workingMsLeft) })
          : i18n.t('whistle.left', { time: workingTime(i18n, due.workingMsLeft) })}
      </Tag>
    </Space>
  );
}

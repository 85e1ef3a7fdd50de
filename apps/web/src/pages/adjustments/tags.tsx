import { Tag, Typography } from 'antd';
import type { AdmissionStatus, RecallStatus } from '../../api/types';
import { useI18n } from '../../i18n/i18n';

const COLORS: Record<RecallStatus | AdmissionStatus, string> = {
  pending: 'processing',
  approved: 'success',
  admitted: 'success',
  rejected: 'default',
  refused: 'default',
};

/** Where a request stands: 待决定, 已同意收回, 未同意, 已准入, 不予准入. */
export function RequestStatusTag({ status }: { status: RecallStatus | AdmissionStatus }) {
  const i18n = useI18n();
  return (
    <Tag color={COLORS[status]} data-testid="request-status" data-status={status}>
      {i18n.tr(`requestStatus.${status}`, status)}
    </Tag>
  );
}

/** When the county office is reminded; red, with 已逾期, once a pending request is past it. */
export function DecisionDue({ dueAt, overdue }: { dueAt: string; overdue: boolean }) {
  const i18n = useI18n();
  return overdue ? (
    <Typography.Text type="danger" data-testid="overdue" data-overdue="true">
      <Tag color="error">{i18n.t('decisions.overdue')}</Tag>
      <br />
      {i18n.dateTime(dueAt)}
    </Typography.Text>
  ) : (
    <Typography.Text data-overdue="false">{i18n.dateTime(dueAt)}</Typography.Text>
  );
}

/** What was decided and why, under a decided request. */
export function DecisionNote({ decision }: { decision: { reason: string; decisionRef?: string; department?: string } | null }) {
  const i18n = useI18n();
  if (!decision) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Typography.Text data-testid="decision-note">
      {decision.reason}
      {decision.decisionRef ? `（${i18n.t('recall.decisionRefShort', { ref: decision.decisionRef })}）` : ''}
      {decision.department ? ` · ${i18n.t('recall.takenBy', { department: decision.department })}` : ''}
    </Typography.Text>
  );
}

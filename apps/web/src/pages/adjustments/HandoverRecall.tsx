import { Alert, Card, Space, Typography } from 'antd';
import { adjustmentsApi } from '../../api/adjustments';
import type { Handover } from '../../api/types';
import { ProblemAlert } from '../../components/problems';
import { useAsync } from '../../components/useAsync';
import { useI18n } from '../../i18n/i18n';
import { can, useSession } from '../../session/session';
import { RecallButton } from './RecallButton';
import { DecisionNote, RequestStatusTag } from './tags';

/**
 * On a handover's page, for the township that carries it (accepted or active): 申请收回, or where its
 * request stands (pending, or the latest decision). Nothing for anyone else.
 */
export function HandoverRecall({ handover }: { handover: Handover }) {
  const i18n = useI18n();
  const { user } = useSession();
  const mine = can(user).answerHandover(handover.townshipId) && (handover.status === 'accepted' || handover.status === 'active');
  const requests = useAsync(
    async () =>
      mine ? (await adjustmentsApi.recallRequests({ townshipId: handover.townshipId })).filter((r) => r.handoverId === handover.id) : [],
    [mine, handover.id, handover.townshipId],
  );
  if (!mine) return null;
  const latest = [...(requests.data ?? [])].sort((a, b) => b.filedAt.localeCompare(a.filedAt))[0];
  return (
    <Card title={i18n.t('recall.request')} data-testid="handover-recall" loading={requests.loading && !requests.data}>
      <ProblemAlert error={requests.error} onReload={requests.reload} />
      {latest && (
        <Alert
          style={{ marginBottom: 16 }}
          type={latest.status === 'pending' ? 'info' : 'warning'}
          showIcon
          message={
            <Space>
              {i18n.t('recall.latest', { date: i18n.dateTime(latest.filedAt) })}
              <RequestStatusTag status={latest.status} />
            </Space>
          }
          description={
            <Space direction="vertical">
              <Typography.Text>{i18n.t('recall.reasonIs', { reason: latest.reason })}</Typography.Text>
              {latest.decision && <DecisionNote decision={latest.decision} />}
            </Space>
          }
        />
      )}
      {latest?.status !== 'pending' && (
        <Space direction="vertical">
          <Typography.Text type="secondary">{i18n.t('recall.handoverHelp')}</Typography.Text>
          <RecallButton
            townshipId={handover.townshipId}
            target={{ handoverId: handover.id }}
            label={`${handover.powerName ?? handover.powerCode} → ${handover.townshipName ?? ''}`}
            onFiled={() => void requests.reload()}
          />
        </Space>
      )}
    </Card>
  );
}

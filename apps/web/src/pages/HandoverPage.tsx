import { Alert, Card, Col, Row, Space } from 'antd';
import { useParams } from 'react-router';
import { api } from '../api/endpoints';
import { ApiProblem } from '../api/http';
import type { Handover, HandoverReminder, HistoryEntry } from '../api/types';
import { useCountyConfig } from '../app/county-config';
import { AnswerPanel } from '../components/AnswerPanel';
import { GapsTable } from '../components/GapsTable';
import { History } from '../components/History';
import { ProblemAlert } from '../components/problems';
import { Reminders } from '../components/Reminders';
import { RequirementsTable } from '../components/RequirementsTable';
import { useAsync } from '../components/useAsync';
import { requirementRows } from '../domain/readiness';
import { useI18n } from '../i18n/i18n';
import { can, useSession } from '../session/session';
import { CommittedCard } from './handover/CommittedCard';
import { SummaryCard } from './handover/SummaryCard';
import { UsageCard } from './handover/UsageCard';
import { HandoverRecall } from './adjustments/HandoverRecall';

/** The township's reason of a contested handover: the latest contest in its history. */
export function contestReason(handover: Handover, history: readonly HistoryEntry[]): string | undefined {
  if (handover.status !== 'contested') return undefined;
  const contest = [...history].reverse().find((entry) => entry.type === 'HandoverContested');
  return typeof contest?.data['reason'] === 'string' ? contest.data['reason'] : undefined;
}

/** One handover: summary (the township's reason first when contested), answer, gaps, requirements, commitments, usage, history, reminders. */
export default function HandoverPage() {
  const { id = '' } = useParams();
  const i18n = useI18n();
  const config = useCountyConfig();
  const { user } = useSession();
  const handover = useAsync(() => api.handover(id), [id]);
  const history = useAsync(() => api.history(id), [id]);
  const reminders = useAsync<{ items: HandoverReminder[]; unavailable: boolean }>(async () => {
    try {
      return { items: await api.reminders(id), unavailable: false };
    } catch (caught) {
      // The handover exists (loaded above): a 404 here means the reminders endpoint is not there.
      if (caught instanceof ApiProblem && (caught.status === 404 || caught.status === 405)) return { items: [], unavailable: true };
      throw caught;
    }
  }, [id]);
  const context = useAsync(async () => {
    const current = await api.handover(id);
    const [power, team] = await Promise.all([api.power(current.powerCode), api.team(current.teamId)]);
    return { power, team };
  }, [id]);

  const reloadAll = () => void Promise.all([handover.reload(), history.reload(), reminders.reload(), context.reload()]);
  const updated = (next: Handover) => {
    handover.setData(next);
    void Promise.all([history.reload(), reminders.reload(), context.reload()]);
  };

  const current = handover.data;
  if (!current) return handover.error ? <ProblemAlert error={handover.error} onReload={handover.reload} /> : <Card loading />;
  const reason = contestReason(current, history.data ?? []);
  const answerable = current.status === 'recorded' && can(user).answerHandover(current.townshipId);

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="handover">
      {reason !== undefined && (
        <Alert
          type="error"
          showIcon
          data-testid="contest-reason"
          message={i18n.t('handover.contestReason', { township: current.townshipName ?? '' })}
          description={reason}
        />
      )}
      <SummaryCard handover={current} onChanged={updated} onReload={reloadAll} />
      <HandoverRecall handover={current} />
      {answerable && (
        <Card title={`${i18n.t('handover.accept')} / ${i18n.t('handover.contest')}`}>
          <AnswerPanel handover={current} onAnswered={updated} onReload={reloadAll} />
        </Card>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={i18n.t('handover.gaps')} style={{ height: '100%' }}>
            <GapsTable gaps={current.status === 'revoked' ? [] : current.readiness.gaps} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={i18n.t('handover.requirementsVsTeam')} style={{ height: '100%' }} loading={context.loading && !context.data}>
            <ProblemAlert error={context.error} onReload={context.reload} />
            {context.data && (
              <RequirementsTable
                rows={requirementRows(context.data.power.requirements, context.data.team, current.effectiveOn, config.today())}
              />
            )}
          </Card>
        </Col>
      </Row>
      <CommittedCard committed={current.committed} team={context.data?.team} />
      <UsageCard handover={current} onRecorded={() => void history.reload()} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card title={i18n.t('handover.history')} loading={history.loading && !history.data}>
            <ProblemAlert error={history.error} onReload={history.reload} />
            <History entries={history.data ?? []} />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={i18n.t('handover.reminders')} loading={reminders.loading && !reminders.data}>
            <ProblemAlert error={reminders.error} onReload={reminders.reload} />
            <Reminders reminders={reminders.data?.items} unavailable={reminders.data?.unavailable ?? false} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}

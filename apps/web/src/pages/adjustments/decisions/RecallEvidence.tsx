import { Descriptions, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../../../api/endpoints';
import type { DutyListItem, RecallRequest } from '../../../api/types';
import { GapsTable } from '../../../components/GapsTable';
import { History } from '../../../components/History';
import { ProblemAlert } from '../../../components/problems';
import { Reminders } from '../../../components/Reminders';
import { ReadinessTag, StatusTag } from '../../../components/Tags';
import { useAsync } from '../../../components/useAsync';
import { useI18n } from '../../../i18n/i18n';

/** A long history or reminder list scrolls in its own box, so the decision stays near. */
const SCROLLED = { maxHeight: 320, overflowY: 'auto', paddingTop: 4 } as const;

/** Evidence for recalling a handed power: where it stands, its current gaps, its history, the reminders sent. */
function HandoverEvidence({ handoverId }: { handoverId: string }) {
  const i18n = useI18n();
  const data = useAsync(
    () => Promise.all([api.handover(handoverId), api.history(handoverId), api.reminders(handoverId).catch(() => undefined)]),
    [handoverId],
  );
  if (!data.data)
    return data.error ? (
      <ProblemAlert error={data.error} onReload={data.reload} />
    ) : (
      <Typography.Text>{i18n.t('app.loading')}</Typography.Text>
    );
  const [handover, history, reminders] = data.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="evidence-handover">
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={i18n.t('decisions.power')}>
          <Link to={`/handovers/${handover.id}`}>{`${handover.powerName ?? handover.powerCode} → ${handover.townshipName ?? ''}`}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={i18n.t('handovers.status')}>
          <Space>
            <StatusTag status={handover.status} />
            <ReadinessTag readiness={handover.readiness} revoked={handover.status === 'revoked'} />
          </Space>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Text strong>{i18n.t('decisions.currentGaps')}</Typography.Text>
      <GapsTable gaps={handover.status === 'revoked' ? [] : handover.readiness.gaps} testId="evidence-gaps" />
      <Typography.Text strong>{i18n.t('decisions.readinessHistory')}</Typography.Text>
      <div style={SCROLLED}>
        <History entries={history} />
      </div>
      <Typography.Text strong>{i18n.t('decisions.remindersSent', { count: reminders?.length ?? 0 })}</Typography.Text>
      <div data-testid="evidence-reminders" style={SCROLLED}>
        <Reminders reminders={reminders} unavailable={reminders === undefined} />
      </div>
    </Space>
  );
}

/** Evidence for handing back a duty item: the item as it stands on the township's list. */
function DutyEvidence({ townshipId, dutyCode }: { townshipId: string; dutyCode: string }) {
  const i18n = useI18n();
  const list = useAsync(() => api.dutyList(townshipId), [townshipId]);
  const items = (list.data?.items ?? []).filter((item) => item.dutyCode === dutyCode);
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="evidence-duty">
      <ProblemAlert error={list.error} onReload={list.reload} />
      <Typography.Text strong>{i18n.t('decisions.onTheList')}</Typography.Text>
      <Table<DutyListItem>
        size="small"
        rowKey={(item) => `${item.source}:${item.dutyCode ?? item.name}`}
        loading={list.loading}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: i18n.t('decisions.notOnTheList') }}
        columns={[
          { title: dutyCode, dataIndex: 'name' },
          {
            title: i18n.t('recall.category'),
            dataIndex: 'category',
            render: (category: string) => i18n.tr(`public.category.${category}`, category),
          },
          { title: i18n.t('recall.leadDepartment'), dataIndex: 'leadDepartment', render: (value?: string) => value ?? '—' },
          { title: i18n.t('decisions.cooperation'), dataIndex: 'cooperation', render: (value?: string) => value ?? '—' },
        ]}
      />
    </Space>
  );
}

/** What the county office weighs before deciding a recall: the township's reason, then the item's evidence. */
export function RecallEvidence({ request }: { request: RecallRequest }) {
  const i18n = useI18n();
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={i18n.t('recall.reason')}>
          <span data-testid="evidence-reason">{request.reason}</span>
        </Descriptions.Item>
        <Descriptions.Item label={i18n.t('recall.filedAt')}>{i18n.dateTime(request.filedAt)}</Descriptions.Item>
      </Descriptions>
      {request.handoverId ? (
        <HandoverEvidence handoverId={request.handoverId} />
      ) : (
        <DutyEvidence townshipId={request.townshipId} dutyCode={request.dutyCode ?? ''} />
      )}
    </Space>
  );
}

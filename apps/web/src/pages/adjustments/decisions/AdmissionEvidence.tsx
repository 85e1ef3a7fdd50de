import { Descriptions, Space, Table, Typography } from 'antd';
import { api } from '../../../api/endpoints';
import type { DutyList, TaskAdmission } from '../../../api/types';
import { ProblemAlert } from '../../../components/problems';
import { useAsync } from '../../../components/useAsync';
import { useI18n } from '../../../i18n/i18n';
import { meansSummary } from '../department/means';

interface Load {
  townshipId: string;
  counts: DutyList['counts'];
}

/** What the county office weighs before admitting a task: the task and its means, and each named township's current load. */
export function AdmissionEvidence({ admission, townshipNames }: { admission: TaskAdmission; townshipNames: ReadonlyMap<string, string> }) {
  const i18n = useI18n();
  const loads = useAsync(
    () =>
      Promise.all(
        admission.townshipIds.map(async (townshipId): Promise<Load> => ({
          townshipId,
          counts: (await api.dutyList(townshipId)).counts,
        })),
      ),
    [admission.id],
  );
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="evidence-admission">
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={i18n.t('admission.department')}>{admission.department}</Descriptions.Item>
        <Descriptions.Item label={i18n.t('admission.description')}>{admission.description}</Descriptions.Item>
        <Descriptions.Item label={i18n.t('admission.legalBasis')}>{admission.legalBasis ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={i18n.t('admission.means')}>
          <span data-testid="evidence-means">{meansSummary(i18n, admission.means)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={i18n.t('admission.period')}>
          {`${i18n.date(admission.startsOn)} – ${admission.endsOn ? i18n.date(admission.endsOn) : i18n.t('admission.open')}`}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Text strong>{i18n.t('decisions.townshipLoad')}</Typography.Text>
      <ProblemAlert error={loads.error} onReload={loads.reload} />
      <Table<Load>
        data-testid="evidence-load"
        size="small"
        rowKey="townshipId"
        loading={loads.loading}
        dataSource={loads.data ?? []}
        pagination={false}
        onRow={(load) => ({ 'data-township': townshipNames.get(load.townshipId) ?? load.townshipId }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: i18n.t('admission.township'),
            key: 'township',
            render: (_, load) => townshipNames.get(load.townshipId) ?? load.townshipId,
          },
          { title: i18n.t('public.category.basic'), key: 'basic', render: (_, load) => load.counts.basic },
          { title: i18n.t('public.category.assisting'), key: 'assisting', render: (_, load) => load.counts.assisting },
          { title: i18n.t('public.category.returned'), key: 'returned', render: (_, load) => load.counts.returned },
        ]}
      />
    </Space>
  );
}

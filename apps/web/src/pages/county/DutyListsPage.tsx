import { Card, Empty, Select, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { api } from '../../api/endpoints';
import { ProblemAlert } from '../../components/problems';
import { useAsync } from '../../components/useAsync';
import { useI18n } from '../../i18n/i18n';
import { can, useSession } from '../../session/session';
import { DutyListView } from './duty-list/DutyListView';

/** 乡镇清单: the county picks a township and works on its list (county_admin), or reads it (the other county roles). */
export default function DutyListsPage() {
  const i18n = useI18n();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const townships = useAsync(() => (user?.countyId ? api.townships(user.countyId) : Promise.resolve([])), [user?.countyId]);
  const chosen = params.get('township') ?? '';
  const township = townships.data?.find((candidate) => candidate.id === chosen);

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card size="small">
        <Space wrap>
          <Typography.Text strong>{i18n.t('dutyList.title')}</Typography.Text>
          <Select<string>
            id="duty-list-township"
            data-testid="duty-list-township"
            showSearch
            optionFilterProp="label"
            style={{ width: 240 }}
            placeholder={i18n.t('dutyList.pickTownship')}
            loading={townships.loading}
            value={township?.id}
            onChange={(id) => setParams({ township: id })}
            options={(townships.data ?? []).map((candidate) => ({ value: candidate.id, label: candidate.name }))}
          />
        </Space>
        <ProblemAlert error={townships.error} onReload={townships.reload} />
      </Card>
      {township ? (
        <DutyListView key={township.id} townshipId={township.id} townshipName={township.name} writable={can(user).writeCatalogue} />
      ) : (
        <Card>
          <Empty description={i18n.t('dutyList.pickTownship')} />
        </Card>
      )}
    </Space>
  );
}

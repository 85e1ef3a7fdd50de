import { Card, Space } from 'antd';
import { adjustmentsApi } from '../../api/adjustments';
import { allHandovers } from '../../api/endpoints';
import { ProblemAlert } from '../../components/problems';
import { useAsync } from '../../components/useAsync';
import { useSession } from '../../session/session';
import { ListItemsCard } from './township/ListItemsCard';
import { MyRecallsCard } from './township/MyRecallsCard';

/** 申请收回 for a township: the items of its list with a request button each, and its requests with where they stand. */
export default function RecallsPage() {
  const { user } = useSession();
  const townshipId = user?.townshipId ?? '';
  const data = useAsync(async () => {
    const [list, handovers, requests] = await Promise.all([
      adjustmentsApi.dutyList(townshipId),
      allHandovers(),
      adjustmentsApi.recallRequests({ townshipId }),
    ]);
    const names = new Map<string, string>();
    for (const handover of handovers) names.set(handover.id, handover.powerName ?? handover.powerCode);
    for (const item of list.items) if (item.dutyCode) names.set(item.dutyCode, item.name);
    return { list, names, requests };
  }, [townshipId]);

  if (!data.data) return data.error ? <ProblemAlert error={data.error} onReload={data.reload} /> : <Card loading />;
  const { list, names, requests } = data.data;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <MyRecallsCard requests={requests} names={names} loading={data.loading} onReload={() => void data.reload()} />
      <ListItemsCard townshipId={townshipId} items={list.items} requests={requests} onFiled={() => void data.reload()} />
    </Space>
  );
}

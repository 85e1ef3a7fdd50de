import { Card } from 'antd';
import { adjustmentsApi } from '../../api/adjustments';
import { allHandovers, api } from '../../api/endpoints';
import { ProblemAlert } from '../../components/problems';
import { useAsync } from '../../components/useAsync';
import { useSession } from '../../session/session';
import { MyRecallsCard } from './township/MyRecallsCard';

/** 我的收回申请: the township's recall requests with where they stand (filed from a handover's page or from its 职责清单). */
export default function RecallsPage() {
  const { user } = useSession();
  const townshipId = user?.townshipId ?? '';
  const data = useAsync(async () => {
    const [list, handovers, requests] = await Promise.all([
      api.dutyList(townshipId),
      allHandovers(),
      adjustmentsApi.recallRequests({ townshipId }),
    ]);
    const names = new Map<string, string>();
    for (const handover of handovers) names.set(handover.id, handover.powerName ?? handover.powerCode);
    for (const item of list.items) if (item.dutyCode) names.set(item.dutyCode, item.name);
    return { names, requests };
  }, [townshipId]);

  if (!data.data) return data.error ? <ProblemAlert error={data.error} onReload={data.reload} /> : <Card loading />;
  const { names, requests } = data.data;
  return <MyRecallsCard requests={requests} names={names} loading={data.loading} onReload={() => void data.reload()} />;
}

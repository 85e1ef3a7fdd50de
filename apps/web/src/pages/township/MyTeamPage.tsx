import { Card } from 'antd';
import { allHandovers, api } from '../../api/endpoints';
import { ProblemAlert } from '../../components/problems';
import { useAsync } from '../../components/useAsync';
import { useSession } from '../../session/session';
import { TeamView } from '../TeamPage';

/** The township user's own team (found through the county's townships). */
export default function MyTeamPage() {
  const { user } = useSession();
  const teamId = useAsync(async () => {
    if (user?.countyId) {
      const townships = await api.townships(user.countyId).catch(() => []);
      const mine = townships.find((township) => township.id === user.townshipId);
      if (mine) return mine.teamId;
    }
    const handovers = await allHandovers();
    const first = handovers[0];
    if (!first) throw new Error('No team found for this township');
    return first.teamId;
  }, [user?.countyId, user?.townshipId]);
  if (teamId.data) return <TeamView teamId={teamId.data} />;
  return teamId.error ? <ProblemAlert error={teamId.error} onReload={teamId.reload} /> : <Card loading />;
}

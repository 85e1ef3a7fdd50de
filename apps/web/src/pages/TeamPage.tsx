import { Alert, Card, Space, Typography } from 'antd';
import { useParams } from 'react-router';
import { allHandovers, api } from '../api/endpoints';
import { useCountyConfig } from '../app/county-config';
import { ProblemAlert } from '../components/problems';
import { useAsync } from '../components/useAsync';
import { daysUntil } from '../domain/readiness';
import type { HeldPower } from '../domain/team-powers';
import { useI18n } from '../i18n/i18n';
import { can, useSession } from '../session/session';
import { EquipmentCard } from './team/EquipmentCard';
import { OfficersCard } from './team/OfficersCard';
import { PowersCard } from './team/PowersCard';
import { heldHandovers } from './team/team-context';
import { TrainingCard } from './team/TrainingCard';

/** The team's handovers (not revoked) with their powers' requirements, for the powers card and the leaving warning. */
async function loadHeld(teamId: string): Promise<HeldPower[]> {
  const handovers = heldHandovers(await allHandovers({ teamId }));
  const codes = [...new Set(handovers.map((handover) => handover.powerCode))];
  const powers = new Map((await Promise.all(codes.map((code) => api.power(code)))).map((power) => [power.code, power]));
  return handovers.flatMap((handover) => {
    const power = powers.get(handover.powerCode);
    return power ? [{ handover, power }] : [];
  });
}

/** A township's enforcement team: the powers it holds and what each lacks, officers, equipment, training. */
export function TeamView({ teamId }: { teamId: string }) {
  const i18n = useI18n();
  const config = useCountyConfig();
  const { user } = useSession();
  const team = useAsync(() => api.team(teamId), [teamId]);
  const held = useAsync(() => loadHeld(teamId), [teamId]);

  const current = team.data;
  if (!current) return team.error ? <ProblemAlert error={team.error} onReload={team.reload} /> : <Card loading />;
  const writable = can(user).writeTeam(current.townshipId);
  const today = config.today();
  const expiring = current.officers.filter(
    (officer) => daysUntil(officer.certificateExpiresOn, today) < config.certificateNoticeDays,
  ).length;
  const reload = async () => {
    await Promise.all([team.reload(), held.reload()]);
  };
  const props = { team: current, writable, reload };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="team">
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="team-title">
        {i18n.t('team.title', { name: current.townshipName })}
      </Typography.Title>
      {expiring > 0 && (
        <Alert
          type="warning"
          showIcon
          message={i18n.t('team.expiryWarning', { count: i18n.number(expiring) })}
          data-testid="expiry-warning"
        />
      )}
      <ProblemAlert error={held.error} onReload={held.reload} />
      <PowersCard handovers={(held.data ?? []).map((entry) => entry.handover)} loading={held.loading} />
      <OfficersCard {...props} held={held.data ?? []} />
      <EquipmentCard {...props} />
      <TrainingCard {...props} />
    </Space>
  );
}

export default function TeamPage() {
  const { teamId = '' } = useParams();
  return <TeamView teamId={teamId} />;
}

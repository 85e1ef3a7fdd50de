import { evolveTeam, initialTeamState, teamCapacity, type TeamCapacity, type TeamEvent, type TeamState } from '@fangquan/domain';
import type { TeamView } from '../entities/team-view.entity';
import type { EventPlace } from './event-place';

export function teamStateOf(row: TeamView | null): TeamState {
  if (row === null) return initialTeamState;
  const { teamId, countyId, townshipId, townshipName, officers, equipment, training } = row;
  return { status: 'formed', teamId, countyId, townshipId, townshipName, officers, equipment, training };
}

/** The row after `event`; null when the event does not apply (an event of a team never formed). */
export function applyTeamEvent(row: TeamView | null, event: TeamEvent, place: EventPlace): TeamView | null {
  const state = evolveTeam(teamStateOf(row), event);
  if (state.status === 'none') return null;
  const { teamId, countyId, townshipId, townshipName, officers, equipment, training } = state;
  return { teamId, countyId, townshipId, townshipName, officers, equipment, training, version: place.version, updatedAt: place.occurredAt };
}

/** The team as readiness sees it (an unknown team has nothing): the domain's `teamCapacity` of the row. */
export function capacityOf(team: Pick<TeamView, 'officers' | 'equipment' | 'training'> | null): TeamCapacity {
  if (team === null) return teamCapacity(initialTeamState);
  const { officers, equipment, training } = team;
  return teamCapacity({ status: 'formed', teamId: '', countyId: '', townshipId: '', townshipName: '', officers, equipment, training });
}

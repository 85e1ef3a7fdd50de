import type { Decider } from '../decider';
import type { TeamCommand } from './commands';
import { decideTeam } from './decide';
import type { TeamEvent } from './events';
import { evolveTeam } from './evolve';
import { initialTeamState, type TeamState } from './state';

/** A township's enforcement team: roster, equipment on hand, completed training. */
export const teamDecider: Decider<TeamCommand, TeamEvent, TeamState> = {
  initialState: initialTeamState,
  decide: decideTeam,
  evolve: evolveTeam,
};

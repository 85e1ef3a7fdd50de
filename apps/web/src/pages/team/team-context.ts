import type { Handover, Team } from '../../api/types';

/** What every card of the team page gets: the team, whether the caller may change it, and how to reload. */
export interface TeamCardProps {
  team: Team;
  writable: boolean;
  /** Loads the team (and its powers) again after a write. */
  reload(): Promise<void>;
}

/** The team's handovers that are not revoked: the powers it holds or is asked to take. */
export function heldHandovers(handovers: readonly Handover[]): Handover[] {
  return handovers.filter((handover) => handover.status !== 'revoked');
}

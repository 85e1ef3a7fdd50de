import type { FormInstance } from 'antd';
import type { Handover, Team } from '../../api/types';
import { useToast } from '../../app/toast';

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

/** What every dialog of the team page gets: the team, whether it shows, and what to do after. */
export interface TeamDialogProps {
  team: Team;
  open: boolean;
  onClose(): void;
  /** Reloads the team after a write. */
  onDone(): Promise<void>;
}

/** After a team write: say it was saved, empty the form, close the dialog, reload the team. */
export function useTeamWriteDone(form: FormInstance, { onClose, onDone }: Pick<TeamDialogProps, 'onClose' | 'onDone'>) {
  const message = useToast();
  return async (saved: string) => {
    message.success(saved);
    form.resetFields();
    onClose();
    await onDone();
  };
}

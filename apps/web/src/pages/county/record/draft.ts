import type { HandoverMode } from '../../../api/types';
import type { committedFrom } from '../../../components/CommittedEditor';

/** The record-handover form as typed (every field may still be empty); kept as a draft in the tab. */
export interface HandoverForm {
  powerCode?: string;
  teamId?: string;
  mode?: HandoverMode;
  instrument?: string;
  effectiveOn?: string;
  endsOn?: string;
  committed?: object;
}

/** An empty form: every field named, so clearing it clears them all (not back to the draft it started from). */
export const EMPTY_FORM: Required<Pick<HandoverForm, 'mode'>> & HandoverForm = {
  powerCode: undefined,
  teamId: undefined,
  mode: 'transfer',
  instrument: undefined,
  effectiveOn: undefined,
  endsOn: undefined,
  committed: undefined,
};

const DRAFT_KEY = 'fangquan.draft.record-handover';

export function loadDraft(): HandoverForm | undefined {
  try {
    const raw = sessionStorage.getItem(DRAFT_KEY);
    return raw ? (JSON.parse(raw) as HandoverForm) : undefined;
  } catch {
    return undefined;
  }
}

export function saveDraft(values: HandoverForm | undefined): void {
  try {
    if (values) sessionStorage.setItem(DRAFT_KEY, JSON.stringify(values));
    else sessionStorage.removeItem(DRAFT_KEY);
  } catch {
    /* storage unavailable */
  }
}

/** Half-typed lines must not break the preview: only complete ones count. */
export function sanitize(committed: ReturnType<typeof committedFrom>): ReturnType<typeof committedFrom> {
  return {
    officers: (committed.officers ?? []).filter((officer) => typeof officer?.certificateNumber === 'string'),
    equipment: (committed.equipment ?? []).filter((line) => typeof line?.kind === 'string'),
    training: (committed.training ?? []).filter((line) => typeof line?.course === 'string'),
  };
}

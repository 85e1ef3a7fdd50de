import type { Decider } from '../decider';
import type { AdmissionCommand } from './commands';
import { decideAdmission } from './decide';
import type { AdmissionEvent } from './events';
import { evolveAdmission } from './evolve';
import { initialAdmissionState, type AdmissionState } from './state';

/** One department's request to have townships take a task (事项准入); one stream each. */
export const admissionDecider: Decider<AdmissionCommand, AdmissionEvent, AdmissionState> = {
  initialState: initialAdmissionState,
  decide: decideAdmission,
  evolve: evolveAdmission,
};

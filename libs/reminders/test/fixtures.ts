import type { HandoverRecorded } from '@fangquan/domain';
import type { Candidate } from '../src/policy/reminder-recipients';

/** A handover recorded with no commitments (handover h-1 of team t-1), for the chain's unit specs. */
export const recordedHandover: HandoverRecorded = {
  type: 'HandoverRecorded',
  data: {
    handoverId: 'h-1',
    countyId: 'c-1',
    powerCode: 'CF-CG-0001',
    powerCategory: 'penalty',
    teamId: 't-1',
    townshipId: 'tw-1',
    department: '城市管理局',
    mode: 'transfer',
    instrument: '沾政发〔2026〕1号',
    effectiveOn: '2026-07-01',
    committed: { officers: [], equipment: [], training: [] },
  },
};

/** A user as recipient resolution sees them, for the policy's unit specs. */
export function candidate(username: string, role: string, extra: Partial<Candidate> = {}): Candidate {
  return { id: `id-${username}`, username, role, department: null, townshipId: null, head: false, ...extra };
}

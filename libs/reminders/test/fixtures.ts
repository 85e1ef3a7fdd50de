import type { Gap, HandoverRecorded } from '@fangquan/domain';
import type { ReminderContent } from '../src/policy/reminder-message';
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

/** Two gaps: officers the county office owes, a body camera the department owes. */
export const sampleGaps: Gap[] = [
  { resource: 'officers', item: 'certified-officer', required: 2, available: 0, missing: 2, responsible: 'county-office' },
  { resource: 'equipment', item: 'body-camera', required: 2, available: 1, missing: 1, responsible: '城市管理局' },
];

/** The first gap reminder of handover h-1 as the outside channels word it, for the messages' unit specs. */
export const gapReminderContent: ReminderContent = {
  reminderId: 'gap.h-1.1.1.ff.0',
  kind: 'gap',
  step: 0,
  escalated: false,
  handoverId: 'h-1',
  townshipName: '西平街道',
  powerCode: 'CF-CG-0001',
  powerName: '对随地吐痰、乱扔果皮纸屑烟头等废弃物的处罚',
  gaps: sampleGaps,
  detail: null,
  recipients: ['zy.office'],
  createdAt: '2026-01-01T00:00:00.000Z',
};

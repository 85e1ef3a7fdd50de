import { describe, expect, it } from 'vitest';
import type { DutyListItem, RecallRequest, TaskAdmission } from '../../api/types';
import { queueOf } from './decisions/queue';
import { meansFrom } from './department/means';
import { recallTargetOf } from './township/targets';

const item = (fields: Partial<DutyListItem>): DutyListItem => ({
  name: '事项',
  category: 'basic',
  domain: '生态环保',
  source: 'list',
  ...fields,
});

describe('what a township hands back from its list', () => {
  it('a handed power by its handover, a list item by its duty code', () => {
    expect(recallTargetOf(item({ source: 'handover', handoverId: 'h-1', dutyCode: 'ST-001' }))).toEqual({ handoverId: 'h-1' });
    expect(recallTargetOf(item({ dutyCode: 'ZR-NY-0012' }))).toEqual({ dutyCode: 'ZR-NY-0012' });
  });

  it('nothing for a returned item, an admitted task, or an item without a code', () => {
    expect(recallTargetOf(item({ category: 'returned', dutyCode: 'ZR-NY-0012' }))).toBeUndefined();
    expect(recallTargetOf(item({ source: 'admission', admissionId: 'a-1', dutyCode: 'ZR-NY-0012' }))).toBeUndefined();
    expect(recallTargetOf(item({}))).toBeUndefined();
  });
});

describe('the 待决定 queue', () => {
  const recall = { id: 'r-1', decisionDueAt: '2025-04-10T01:00:00Z', overdue: false } as RecallRequest;
  const admission = { id: 'a-1', decisionDueAt: '2025-04-03T01:00:00Z', overdue: true } as TaskAdmission;

  it('holds both kinds, the soonest (or longest overdue) decision first', () => {
    expect(queueOf([recall], [admission]).map((entry) => [entry.kind, entry.id])).toEqual([
      ['admission', 'a-1'],
      ['recall', 'r-1'],
    ]);
  });
});

describe('the means of a task as the form gives them', () => {
  it('drops removed lines and absent numbers; keeps what was given', () => {
    expect(meansFrom({ staff: 2, equipment: [undefined, { kind: 'sprayer', quantity: 4 }], training: [] })).toEqual({
      staff: 2,
      equipment: [{ kind: 'sprayer', quantity: 4 }],
    });
    expect(meansFrom({ budgetYuan: 0 })).toEqual({ budgetYuan: 0 });
    expect(meansFrom(undefined)).toEqual({});
  });
});

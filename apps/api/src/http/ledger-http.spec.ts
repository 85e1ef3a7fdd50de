import { forbid, RuleCodes } from '@fangquan/domain';
import { ProblemException } from './problem';
import { ledgerProblem, written } from './ledger-http';

const gap = { resource: 'equipment' as const, item: 'body-camera', required: 2, available: 0, missing: 2, responsible: '城市管理局' };

function details(error: Parameters<typeof ledgerProblem>[0]): Record<string, unknown> {
  const exception = ledgerProblem(error);
  expect(exception).toBeInstanceOf(ProblemException);
  return { ...exception.problemDetails };
}

describe('ledgerProblem', () => {
  it('answers invalid input with 400 naming every field', () => {
    const errors = [
      { field: 'endsOn', message: 'is required for an entrustment' },
      { field: 'committed.equipment[0].quantity', message: 'must be at least 1' },
    ];
    expect(details({ kind: 'invalid', errors })).toMatchObject({ status: 400, errors, type: '/problems/validation-failed' });
  });

  it('answers a refused rule with 409, its code, and the gaps when there are some', () => {
    expect(details({ kind: 'rule', code: 'handover-not-ready', detail: 'not ready', gaps: [gap] })).toEqual({
      type: '/problems/handover-not-ready',
      title: expect.any(String),
      status: 409,
      detail: 'not ready',
      code: 'handover-not-ready',
      gaps: [gap],
    });
    expect(details({ kind: 'rule', code: 'coercion-cannot-be-entrusted', detail: 'art. 17' })).not.toHaveProperty('gaps');
  });

  it('answers not-found with 404, forbidden with 403, a version conflict with 409 version-conflict', () => {
    expect(details({ kind: 'not-found', detail: 'no such handover' })).toMatchObject({ status: 404, detail: 'no such handover' });
    expect(details({ kind: 'forbidden', detail: 'another county' })).toMatchObject({ status: 403, detail: 'another county' });
    expect(details({ kind: 'version-conflict', detail: 'stale', expected: 1, actual: 2 })).toMatchObject({
      status: 409,
      type: '/problems/version-conflict',
      code: 'version-conflict',
      expectedVersion: 1,
      currentVersion: 2,
    });
  });

  it('answers a forbidden that names its rule with 403 of that slug and code', () => {
    expect(details({ kind: 'forbidden', detail: "this power is 综合执法局's", code: 'not-own-department' })).toEqual({
      type: '/problems/not-own-department',
      title: expect.any(String),
      status: 403,
      detail: "this power is 综合执法局's",
      code: 'not-own-department',
    });
    expect(details({ kind: 'forbidden', detail: 'another county' })).toMatchObject({ type: '/problems/forbidden' });
  });

  it("answers the domain's own forbidden (another department acting on a whistle) with 403 of its code", () => {
    const refusal = forbid(RuleCodes.notLeadDepartment, "This whistle is 市场监管局's to handle");
    expect(details(refusal)).toEqual({
      type: '/problems/not-lead-department',
      title: expect.any(String),
      status: 403,
      detail: "This whistle is 市场监管局's to handle",
      code: 'not-lead-department',
    });
  });

  it('unwraps a written result and throws the problem of a refused one', () => {
    const ok = { ok: true as const, state: { n: 1 }, version: 3, lastGlobalPosition: '9', extra: 'x' };
    expect(written(ok)).toBe(ok);
    expect(() => written({ ok: false, error: { kind: 'not-found', detail: 'gone' }, version: 0 })).toThrow(ProblemException);
  });
});

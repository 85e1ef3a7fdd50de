import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../api/http';
import { makeI18n } from '../i18n/i18n';
import { explain, fieldErrorText, problemText } from './explain';

const zh = makeI18n('zh', () => undefined);
const en = makeI18n('en', () => undefined);
const ENGLISH_SENTENCE = /[A-Za-z]{3,}\s+[A-Za-z]{2,}/;

describe('refusals explained by their codes', () => {
  const notReady = new ApiProblem({
    status: 409,
    code: 'handover-not-ready',
    type: '/problems/handover-not-ready',
    title: 'Conflict',
    detail: 'The team is not ready for power item X',
  });

  it('words a known problem code in the language shown, never the server detail', () => {
    expect(explain(zh, notReady)).toBe('执法队伍尚未具备承接条件。');
    expect(explain(zh, notReady)).not.toMatch(ENGLISH_SENTENCE);
    expect(explain(en, notReady)).toMatch(/not ready/i);
    expect(explain(en, notReady)).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('falls back to a generic text per status when the code is unknown or missing', () => {
    const unknown = { status: 403, code: 'some-new-rule', detail: 'You may not do that here' };
    expect(problemText(zh, unknown)).toBe(zh.t('problem.403'));
    expect(problemText(en, { status: 409, detail: 'Power item 1 is already registered' })).toBe(en.t('problem.409'));
    expect(problemText(zh, { status: 418, detail: 'I am a teapot' })).toBe('请求失败（418）。');
    expect(problemText(zh, { status: 503 })).toBe(zh.t('problem.500'));
  });

  it('says a stale version is stale, without version numbers', () => {
    const stale = new ApiProblem({ status: 409, code: 'version-conflict', expectedVersion: 3, currentVersion: 4 });
    expect(explain(zh, stale)).toBe(zh.t('problemCode.version-conflict' as never));
    expect(explain(zh, stale)).not.toMatch(/\d/);
  });

  it('explains a refused acceptance with gaps as gaps', () => {
    const gaps = new ApiProblem({
      status: 409,
      code: 'handover-not-ready',
      gaps: [{ resource: 'equipment', item: 'body-camera', required: 2, available: 0, missing: 2, responsible: 'township' }],
    });
    expect(explain(zh, gaps)).toBe(zh.t('problem.409gaps'));
  });

  it('words field errors by their code, with a generic text for an unknown code', () => {
    expect(fieldErrorText(zh, { code: 'unknown-equipment-kind' })).toBe('不是本县装备种类词表中的种类');
    expect(fieldErrorText(en, { code: 'required' })).not.toMatch(/[\u4e00-\u9fff]/);
    expect(fieldErrorText(zh, { code: 'brand-new-code' as never })).toBe(zh.t('problem.fieldInvalid'));
  });

  it('takes the code from the type when the code member is missing', () => {
    expect(explain(zh, new ApiProblem({ status: 403, type: '/problems/not-own-department' }))).toBe('部门只能下放或修改本部门的事项。');
  });

  it('does not show a script error in English', () => {
    expect(explain(zh, new TypeError('Cannot read properties of undefined'))).toBe(zh.t('problem.unexpected'));
  });
});

import { describe, expect, it } from 'vitest';
import { termNames } from '../app/vocabularies';
import { makeI18n } from '../i18n/i18n';
import { courseLabel, gapsSummary, itemLabel, kindLabel } from './labels';
import { recipientLabel, whoIs } from './recipients';

const vocabularies = {
  'equipment-kinds': {
    vocabulary: 'equipment-kinds' as const,
    version: 2,
    terms: [
      { code: 'body-camera', name: '执法记录仪' },
      { code: 'seal-strip-kit', name: '查封扣押用品套装' },
    ],
  },
  'training-courses': { vocabulary: 'training-courses' as const, version: 1, terms: [{ code: 'admin-penalty', name: '行政处罚法' }] },
};
const zh = makeI18n('zh', () => undefined, undefined, termNames(vocabularies));

describe('kinds and courses by their vocabulary names', () => {
  it('names a kind and a course by the county vocabulary, the code only when the vocabulary lacks it', () => {
    expect(kindLabel(zh, 'seal-strip-kit')).toBe('查封扣押用品套装');
    expect(courseLabel(zh, 'admin-penalty')).toBe('行政处罚法');
    expect(kindLabel(zh, 'hovercraft')).toBe('hovercraft');
  });

  it('names the items of gaps: equipment and training by name', () => {
    expect(itemLabel(zh, { resource: 'training', item: 'admin-penalty' })).toBe('行政处罚法');
    const summary = gapsSummary(zh, [
      { resource: 'equipment', item: 'body-camera', required: 2, available: 0, missing: 2, responsible: 'township' },
    ]);
    expect(summary).toContain('执法记录仪');
    expect(summary).not.toContain('body-camera');
  });
});

describe('recipients as who they are', () => {
  const townships = [{ id: 't1', name: '白水镇', countyId: 'c1' }];
  it('names a township user by role and township, a department user by department', () => {
    expect(whoIs(zh, { role: 'township', townshipId: 't1', department: null }, townships as never)).toBe('乡镇（街道） · 白水镇');
    expect(whoIs(zh, { role: 'department', department: '城市管理局', townshipId: null }, [])).toBe('县级部门 · 城市管理局');
  });

  it('never shows an inbox login name it cannot name; keeps a webhook address', () => {
    const nobody = () => undefined;
    expect(recipientLabel(nobody, { channel: 'inbox', recipient: 'baishui' })).toBeUndefined();
    expect(recipientLabel(nobody, { channel: 'webhook', recipient: 'https://hooks.example/x' })).toBe('https://hooks.example/x');
  });
});

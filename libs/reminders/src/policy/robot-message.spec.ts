import { gapReminderContent } from '../../test/fixtures';
import { markdownSafe, ROBOT_MARKDOWN_BYTES, robotMarkdown, robotMessage } from './robot-message';
import type { ReminderContent } from './reminder-message';

const gap: ReminderContent = {
  ...gapReminderContent,
  reminderId: 'gap.h-1.1.0',
  powerName: '对随地吐痰的处罚',
  recipients: ['zy.office', 'urban.li'],
};
const power = '对随地吐痰的处罚（CF-CG-0001）';

describe('robot messages', () => {
  it('posts a gap reminder to DingTalk as markdown: heading, township and power, each gap with its responsible party, whom, step, link', () => {
    const message = robotMessage('dingtalk', gap, 'https://fangquan.example.gov.cn/');
    expect(message).toEqual({
      msgtype: 'markdown',
      markdown: { title: `【提醒】西平街道承接「${power}」尚缺 2 项履职条件`, text: expect.any(String) },
    });
    const text = 'text' in message.markdown ? message.markdown.text : '';
    expect(text.split('\n\n')).toEqual([
      `#### 【提醒】西平街道承接「${power}」尚缺 2 项履职条件`,
      `西平街道承接的行政执法事项「${power}」尚不具备履职条件，缺口如下：`,
      '· 持证执法人员：需 2 名，现有 0 名，缺 2 名（责任：县级统筹部门）',
      '· 执法装备「body-camera」：需 2，现有 1，缺 1（责任：城市管理局）',
      '提醒对象：zy.office、urban.li',
      '提醒编号：gap.h-1.1.0（第 1 次）',
      '[在放权平台查看](https://fangquan.example.gov.cn/handovers/h-1)',
      '—— 放权 · 行政执法事项下放平台',
    ]);
  });

  it('posts the same words to WeCom as markdown content with plain line breaks, and no link without a public base URL', () => {
    const message = robotMessage('wecom', gap, undefined);
    expect(Object.keys(message.markdown)).toEqual(['content']);
    const content = 'content' in message.markdown ? message.markdown.content : '';
    expect(content.split('\n')).toEqual([
      `### 【提醒】西平街道承接「${power}」尚缺 2 项履职条件`,
      `西平街道承接的行政执法事项「${power}」尚不具备履职条件，缺口如下：`,
      '· 持证执法人员：需 2 名，现有 0 名，缺 2 名（责任：县级统筹部门）',
      '· 执法装备「body-camera」：需 2，现有 1，缺 1（责任：城市管理局）',
      '',
      '提醒对象：zy.office、urban.li',
      '提醒编号：gap.h-1.1.0（第 1 次）',
      '—— 放权 · 行政执法事项下放平台',
    ]);
  });

  it('words every kind: escalation, gaps closed, the township’s notices, certificate notices', () => {
    const escalated = robotMarkdown('wecom', { ...gap, step: 3, escalated: true }, undefined);
    expect(escalated.title).toMatch(/^【督办】/);
    expect(escalated.text).toContain('现抄送县级统筹部门负责人督办');
    expect(escalated.text).toContain('（第 4 次）');
    expect(robotMarkdown('dingtalk', { ...gap, kind: 'gaps-closed', gaps: null }, undefined).text).toContain(
      `西平街道承接的行政执法事项「${power}」此前提醒的缺口已全部补齐`,
    );
    const recorded = robotMarkdown(
      'dingtalk',
      {
        ...gap,
        kind: 'unanswered',
        gaps: null,
        detail: { type: 'unanswered', effectiveOn: '2026-07-01', daysBefore: 122, atRecording: true },
      },
      undefined,
    );
    expect(recorded.title).toBe(`【新下放】「${power}」已下放至西平街道，待承接确认`);
    const threshold = robotMarkdown(
      'wecom',
      { ...gap, kind: 'unanswered', gaps: null, detail: { type: 'unanswered', effectiveOn: '2026-07-01', daysBefore: 3 } },
      undefined,
    );
    expect(threshold.text).toContain('将于 2026-07-01 生效（已进入生效前 3 天），西平街道尚未承接确认或提出异议');
    const certificate = robotMarkdown(
      'dingtalk',
      {
        ...gap,
        kind: 'certificate-expiry',
        gaps: null,
        detail: { type: 'certificate', officerName: '李明', certificateNumber: 'C-1', expiresOn: '2026-06-30', daysBefore: 30 },
      },
      undefined,
    );
    expect(certificate.title).toBe('【证件到期】西平街道执法人员证件即将到期');
    expect(certificate.text).toContain('李明（证号 C-1）的行政执法证件将于 2026-06-30 到期');
  });

  it('keeps names from being read as markup', () => {
    expect(markdownSafe('**[x](http://evil)** <font> #1 _a_ `b`')).toBe('＊＊［x］(http://evil)＊＊ ＜font＞ ＃1 ＿a＿ ｀b｀');
    const text = robotMarkdown('wecom', { ...gap, townshipName: '西平*街道*', recipients: ['[boss](http://x)'] }, undefined).text;
    expect(text).toContain('西平＊街道＊');
    expect(text).toContain('提醒对象：［boss］(http://x)');
  });

  it('fits what each robot takes: the last gaps give way to a count of those left out', () => {
    const many: ReminderContent['gaps'] = Array.from({ length: 300 }, (_, index) => ({
      resource: 'training',
      item: `行政执法实务培训课程第 ${index + 1} 期`,
      required: 3,
      available: 0,
      missing: 3,
      responsible: '城市管理局',
    }));
    const wecom = robotMarkdown('wecom', { ...gap, gaps: many }, 'https://fangquan.example.gov.cn').text;
    expect(Buffer.byteLength(wecom, 'utf8')).toBeLessThanOrEqual(ROBOT_MARKDOWN_BYTES.wecom);
    const kept = wecom.split('\n').filter((line) => line.startsWith('· ')).length;
    expect(kept).toBeGreaterThan(10);
    expect(wecom).toContain(`……另有 ${300 - kept} 项，请在平台查看`);
    expect(wecom).toContain('[在放权平台查看](https://fangquan.example.gov.cn/handovers/h-1)');
    const dingtalk = robotMarkdown('dingtalk', { ...gap, gaps: many }, undefined).text;
    expect(Buffer.byteLength(dingtalk, 'utf8')).toBeLessThanOrEqual(ROBOT_MARKDOWN_BYTES.dingtalk);
    expect(dingtalk).toContain('—— 放权 · 行政执法事项下放平台');
  });

  it('names at most twenty recipients and counts the rest', () => {
    const recipients = Array.from({ length: 25 }, (_, index) => `user${index + 1}`);
    const text = robotMarkdown('wecom', { ...gap, recipients }, undefined).text;
    expect(text).toContain('user20 等 25 人');
    expect(text).not.toContain('user21');
  });
});

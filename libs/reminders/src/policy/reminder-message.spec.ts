import { gapReminderContent as content, sampleGaps as gaps } from '../../test/fixtures';
import { describeGap, type ReminderContent, reminderMessage, webhookPayload } from './reminder-message';
import { reminderLink } from './robot-message';

describe('reminder message', () => {
  it('names the township, the power (name and code) and what is missing, in Chinese', () => {
    const { subject, text } = reminderMessage(content);
    expect(subject).toBe('【提醒】西平街道承接「对随地吐痰、乱扔果皮纸屑烟头等废弃物的处罚（CF-CG-0001）」尚缺 2 项履职条件');
    expect(text).toContain('持证执法人员：需 2 名，现有 0 名，缺 2 名（责任：县级统筹部门）');
    expect(text).toContain('执法装备「body-camera」：需 2，现有 1，缺 1（责任：城市管理局）');
  });

  it('says so when escalated, and when the gaps are closed', () => {
    expect(reminderMessage({ ...content, step: 3, escalated: true }).subject).toMatch(/^【督办】/);
    expect(reminderMessage({ ...content, kind: 'gaps-closed', gaps: null }).subject).toMatch(/^【已补齐】西平街道/);
  });

  it('names the officer and the date of an expiring certificate', () => {
    const detail = {
      type: 'certificate' as const,
      officerName: '李明',
      certificateNumber: 'C-1',
      expiresOn: '2026-06-30',
      daysBefore: 180,
    };
    expect(reminderMessage({ ...content, kind: 'certificate-expiry', gaps: null, detail }).text).toContain(
      '李明（证号 C-1）的行政执法证件将于 2026-06-30 到期',
    );
  });

  it('words the notice at recording apart from the reminders as the effective date nears', () => {
    const unanswered = { ...content, reminderId: 'unanswered.h-1.14', kind: 'unanswered' as const, gaps: null };
    const threshold = reminderMessage({ ...unanswered, detail: { type: 'unanswered', effectiveOn: '2026-07-01', daysBefore: 14 } });
    expect(threshold.subject).toBe('【待确认】西平街道尚未答复「对随地吐痰、乱扔果皮纸屑烟头等废弃物的处罚（CF-CG-0001）」的下放');
    expect(threshold.text).toContain('将于 2026-07-01 生效（已进入生效前 14 天），西平街道尚未承接确认或提出异议，请尽快答复。');
    const notice = reminderMessage({
      ...unanswered,
      reminderId: 'unanswered.h-1.recorded',
      detail: { type: 'unanswered', effectiveOn: '2026-07-01', daysBefore: 122, atRecording: true },
    });
    expect(notice.subject).toBe('【新下放】「对随地吐痰、乱扔果皮纸屑烟头等废弃物的处罚（CF-CG-0001）」已下放至西平街道，待承接确认');
    expect(notice.text).toContain(
      '县级已将行政执法事项「对随地吐痰、乱扔果皮纸屑烟头等废弃物的处罚（CF-CG-0001）」下放至西平街道，将于 2026-07-01 生效',
    );
    expect(notice.text).not.toContain('尚未承接确认');
  });

  it('describes training gaps by course', () => {
    expect(
      describeGap({ resource: 'training', item: '市容环卫执法实务', required: 2, available: 1, missing: 1, responsible: '城市管理局' }),
    ).toBe('培训「市容环卫执法实务」：需 2 名，现有 1 名，缺 1 名（责任：城市管理局）');
  });

  it('posts the structured reminder with its subject to the webhook', () => {
    expect(webhookPayload(content)).toMatchObject({
      id: content.reminderId,
      kind: 'gap',
      township: '西平街道',
      power: { code: 'CF-CG-0001' },
      gaps,
    });
  });

  describe('reminders about other subjects', () => {
    const request: ReminderContent = {
      ...content,
      reminderId: 'decision.r-1.0',
      kind: 'decision-due',
      handoverId: null,
      subject: { type: 'recall-request', id: 'r-1', title: '街道无持证人员' },
      townshipName: null,
      powerCode: null,
      powerName: null,
      gaps: null,
      detail: null,
    };

    it('tells the county office a request awaits its decision, and escalates like a gap chain', () => {
      const { subject, text } = reminderMessage(request);
      expect(subject).toBe('【待决定】收回申请「街道无持证人员」已到决定期限');
      expect(text).toContain('尚未作出决定');
      expect(reminderMessage({ ...request, step: 4, escalated: true }).subject).toMatch(/^【督办】/);
    });

    it('tells the requester the decision', () => {
      const made = { ...request, reminderId: 'decided.a-1', kind: 'decision-made' as const };
      const admission = { ...made, subject: { type: 'task-admission' as const, id: 'a-1', title: '秸秆禁烧巡查' } };
      expect(reminderMessage({ ...admission, detail: { type: 'decision', outcome: 'refused' } }).subject).toBe(
        '【已决定】事项准入申请「秸秆禁烧巡查」：不予准入',
      );
      expect(reminderMessage({ ...made, detail: { type: 'decision', outcome: 'approved' } }).subject).toBe(
        '【已决定】收回申请「街道无持证人员」：同意',
      );
    });

    it('names the subject in the webhook and links to where it is decided or followed', () => {
      expect(webhookPayload(request)).toMatchObject({ handoverId: null, about: { type: 'recall-request', id: 'r-1' } });
      expect(reminderLink(request, 'https://fq.example.cn/')).toBe('https://fq.example.cn/decisions');
      const whistle = { ...request, kind: 'supervision' as const, subject: { type: 'whistle' as const, id: 'w-1' } };
      expect(reminderLink(whistle, 'https://fq.example.cn')).toBe('https://fq.example.cn/whistles/w-1');
      expect(reminderMessage(whistle).subject).toBe('【督办】吹哨的环节已超期');
    });
  });
});

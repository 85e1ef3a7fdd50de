import { COUNTY_OFFICE, type DecisionOutcome, type Gap, type InboxKind, type ReminderSubject } from '@fangquan/domain';

/** What a reminder says, for the e-mail, webhook and robot channels (the inbox keeps the structured fields). */
export interface ReminderContent {
  readonly reminderId: string;
  readonly kind: InboxKind;
  readonly step: number;
  readonly escalated: boolean;
  /** Null for a reminder about another subject. */
  readonly handoverId: string | null;
  /** What a reminder is about when it is not a handover (a request, a whistle). */
  readonly subject?: ReminderSubject;
  readonly townshipName: string | null;
  readonly powerCode: string | null;
  readonly powerName: string | null;
  readonly gaps: readonly Gap[] | null;
  /** Certificate notices: the officer and the expiry; unanswered notices: the effective date, and whether told at recording. */
  readonly detail: ReminderDetail | null;
  readonly recipients: readonly string[];
  /** ISO-8601. */
  readonly createdAt: string;
}

export type ReminderDetail =
  | {
      readonly type: 'certificate';
      readonly officerName: string;
      readonly certificateNumber: string;
      readonly expiresOn: string;
      readonly daysBefore: number;
    }
  | {
      readonly type: 'unanswered';
      readonly effectiveOn: string;
      /** Days left to the effective date: the sweep's threshold, or those left when the handover was recorded. */
      readonly daysBefore: number;
      /** The township's notice when the handover was recorded; absent on the sweep's reminders as the effective date nears. */
      readonly atRecording?: true;
    }
  | {
      /** A decision-made notice: the decision. */
      readonly type: 'decision';
      readonly outcome: DecisionOutcome;
    };

const RESOURCE_NAMES: Record<Gap['resource'], string> = { officers: '持证执法人员', training: '培训', equipment: '执法装备' };

export function describeResponsible(responsible: string): string {
  return responsible === COUNTY_OFFICE ? '县级统筹部门' : responsible;
}

/** One line per gap, e.g. `执法装备「body-camera」：需 2，现有 0，缺 2（责任：城市管理局）`. */
export function describeGap(gap: Gap): string {
  const what = gap.resource === 'officers' ? RESOURCE_NAMES.officers : `${RESOURCE_NAMES[gap.resource]}「${gap.item}」`;
  const unit = gap.resource === 'equipment' ? '' : ' 名';
  return `${what}：需 ${gap.required}${unit}，现有 ${gap.available}${unit}，缺 ${gap.missing}${unit}（责任：${describeResponsible(gap.responsible)}）`;
}

function powerLabel(content: ReminderContent): string {
  const code = content.powerCode ?? '';
  return content.powerName === null ? code : `${content.powerName}（${code}）`;
}

const SUBJECT_NAMES: Record<ReminderSubject['type'], string> = {
  'recall-request': '收回申请',
  'task-admission': '事项准入申请',
  whistle: '吹哨',
};
const OUTCOME_NAMES: Record<DecisionOutcome, string> = { approved: '同意', rejected: '不同意', admitted: '准予准入', refused: '不予准入' };

/** `收回申请「…」`: the kind of subject and its title. */
function subjectLabel(content: ReminderContent): string {
  const subject = content.subject;
  if (subject === undefined) return '事项';
  return subject.title === undefined ? SUBJECT_NAMES[subject.type] : `${SUBJECT_NAMES[subject.type]}「${subject.title}」`;
}

/** What every outside message of a reminder ends with: its id and how many times it has come. */
export function reminderReference(content: ReminderContent): string {
  return `提醒编号：${content.reminderId}（第 ${content.step + 1} 次）`;
}

/** How a line of the body that lists one item (a gap) starts. */
export const ITEM_MARK = '· ';

export const MESSAGE_SIGNATURE = '—— 放权 · 行政执法事项下放平台';

/**
 * What a reminder of any kind says, in Chinese: a subject, and lines naming the township, the power and
 * what is missing (one line per gap, starting with ITEM_MARK), or the notice. Every outside channel words its
 * message from this, so a new kind is worded once, here (the switch is exhaustive).
 */
export function reminderBody(content: ReminderContent): { subject: string; lines: string[] } {
  const township = content.townshipName ?? '乡镇（街道）';
  const power = powerLabel(content);
  const gaps = content.gaps ?? [];
  const lines: string[] = [];
  let subject: string;
  switch (content.kind) {
    case 'gap':
      subject = `${content.escalated ? '【督办】' : '【提醒】'}${township}承接「${power}」尚缺 ${gaps.length} 项履职条件`;
      lines.push(
        `${township}承接的行政执法事项「${power}」尚不具备履职条件，缺口如下：`,
        ...gaps.map((gap) => `${ITEM_MARK}${describeGap(gap)}`),
      );
      if (content.escalated) lines.push('', '缺口已多次提醒仍未补齐，现抄送县级统筹部门负责人督办。');
      break;
    case 'gaps-closed':
      subject = `【已补齐】${township}承接「${power}」的履职条件已补齐`;
      lines.push(`${township}承接的行政执法事项「${power}」此前提醒的缺口已全部补齐，相关提醒已停止。`);
      break;
    case 'unanswered': {
      const detail = content.detail?.type === 'unanswered' ? content.detail : null;
      const effective = detail?.effectiveOn ?? '近期';
      if (detail?.atRecording === true) {
        subject = `【新下放】「${power}」已下放至${township}，待承接确认`;
        lines.push(`县级已将行政执法事项「${power}」下放至${township}，将于 ${effective} 生效，请在生效前承接确认或提出异议。`);
      } else {
        // The sweep's threshold (a sweep that runs late sends it with fewer days left).
        subject = `【待确认】${township}尚未答复「${power}」的下放`;
        const window = detail === null ? '' : `（已进入生效前 ${detail.daysBefore} 天）`;
        lines.push(`行政执法事项「${power}」将于 ${effective} 生效${window}，${township}尚未承接确认或提出异议，请尽快答复。`);
      }
      break;
    }
    case 'certificate-expiry': {
      const detail = content.detail?.type === 'certificate' ? content.detail : null;
      subject = `【证件到期】${township}执法人员证件即将到期`;
      lines.push(
        detail === null
          ? `${township}有执法人员的行政执法证件即将到期。`
          : `${township}执法人员 ${detail.officerName}（证号 ${detail.certificateNumber}）的行政执法证件将于 ${detail.expiresOn} 到期，`,
        `到期后将影响「${power}」的履职条件，请及时安排考试换证。`,
      );
      break;
    }
    case 'decision-due':
      subject = `${content.escalated ? '【督办】' : '【待决定】'}${subjectLabel(content)}已到决定期限`;
      lines.push(`${subjectLabel(content)}已到县级统筹部门的决定期限，尚未作出决定，请尽快在“待决定”中审议并说明理由。`);
      if (content.escalated) lines.push('', '已多次提醒仍未决定，现督办。');
      break;
    case 'decision-made': {
      const outcome = content.detail?.type === 'decision' ? OUTCOME_NAMES[content.detail.outcome] : '已决定';
      subject = `【已决定】${subjectLabel(content)}：${outcome}`;
      lines.push(`县级统筹部门已对${subjectLabel(content)}作出决定：${outcome}。决定理由请在平台查看。`);
      break;
    }
    case 'supervision':
      subject = `【督办】${subjectLabel(content)}的环节已超期`;
      lines.push(`${subjectLabel(content)}的当前环节已超过办理时限，请尽快办理。`);
      break;
    default: {
      const unknown: never = content.kind;
      throw new Error(`Unknown reminder kind ${String(unknown)}`);
    }
  }
  return { subject, lines };
}

/** Chinese subject and plain-text body naming the township, the power and what is missing. */
export function reminderMessage(content: ReminderContent): { subject: string; text: string } {
  const { subject, lines } = reminderBody(content);
  return { subject, text: [...lines, '', reminderReference(content), MESSAGE_SIGNATURE].join('\n') };
}

/** The JSON body POSTed to WEBHOOK_URL. */
export function webhookPayload(content: ReminderContent): Record<string, unknown> {
  const { subject } = reminderMessage(content);
  return {
    id: content.reminderId,
    kind: content.kind,
    step: content.step,
    escalated: content.escalated,
    handoverId: content.handoverId,
    // What the reminder is about when it is not a handover (`subject` is the message's subject line).
    ...(content.subject === undefined ? {} : { about: content.subject }),
    township: content.townshipName,
    power: { code: content.powerCode, name: content.powerName },
    gaps: content.gaps,
    detail: content.detail,
    recipients: content.recipients,
    subject,
    createdAt: content.createdAt,
  };
}

import type { Robot } from './reminder-ids';
import { ITEM_MARK, MESSAGE_SIGNATURE, reminderBody, reminderReference, type ReminderContent } from './reminder-message';

/** The JSON a group robot takes: a markdown message (DingTalk: `title` and `text`; WeCom: `content`). */
export type RobotMessage =
  | { readonly msgtype: 'markdown'; readonly markdown: { readonly title: string; readonly text: string } }
  | { readonly msgtype: 'markdown'; readonly markdown: { readonly content: string } };

/**
 * UTF-8 bytes the markdown may take: WeCom refuses markdown over 4,096 bytes, DingTalk a body over
 * 20,000; both with room for the rest of the JSON.
 */
export const ROBOT_MARKDOWN_BYTES: Record<Robot, number> = { dingtalk: 18_000, wecom: 4_000 };

/** Recipients named in a message, at most (the rest are counted). */
const NAMED_RECIPIENTS = 20;

/**
 * Markdown has no part in what the reminder says: characters that would be markup (a name with `*`,
 * `_`, `[`, `<`, `#`…) become their full-width forms, which read the same in Chinese text.
 */
export function markdownSafe(text: string): string {
  return text.replace(/[*_[\]`<>#|~\\]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));
}

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * The address of what the reminder is about under the public base URL, if one is configured: the
 * handover's page, the county's 待决定 queue for a request, the whistle's page.
 */
export function reminderLink(content: ReminderContent, linkBaseUrl: string | undefined): string | undefined {
  if (linkBaseUrl === undefined) return undefined;
  const base = linkBaseUrl.replace(/\/+$/, '');
  if (content.handoverId !== null) return `${base}/handovers/${encodeURIComponent(content.handoverId)}`;
  const subject = content.subject;
  if (subject === undefined) return undefined;
  return subject.type === 'whistle' ? `${base}/whistles/${encodeURIComponent(subject.id)}` : `${base}/decisions`;
}

function recipientsLine(recipients: readonly string[]): string | undefined {
  if (recipients.length === 0) return undefined;
  const named = recipients.slice(0, NAMED_RECIPIENTS).join('、');
  const rest = recipients.length - NAMED_RECIPIENTS;
  return `提醒对象：${named}${rest > 0 ? ` 等 ${recipients.length} 人` : ''}`;
}

/**
 * The markdown of a reminder for a robot, from the words every channel uses (reminderBody): the
 * subject as a heading, what the reminder says, whom it reminds, its id and step, a link to the
 * handover when PUBLIC_BASE_URL is set. DingTalk renders each line as a paragraph (blank lines
 * between), WeCom takes plain line breaks. Too long for the robot, the last gap lines give way to a
 * line saying how many are left out.
 */
export function robotMarkdown(robot: Robot, content: ReminderContent, linkBaseUrl: string | undefined): { title: string; text: string } {
  const { subject, lines } = reminderBody(content);
  const link = reminderLink(content, linkBaseUrl);
  const head = [`${robot === 'dingtalk' ? '####' : '###'} ${markdownSafe(subject)}`];
  const body = lines.map(markdownSafe);
  const tail = [
    recipientsLine(content.recipients.map(markdownSafe)),
    reminderReference(content),
    link === undefined ? undefined : `[在放权平台查看](${link})`,
    MESSAGE_SIGNATURE,
  ].filter((line): line is string => line !== undefined);
  const render = (middle: readonly string[]): string => {
    const all = [...head, ...middle, '', ...tail];
    return robot === 'dingtalk' ? all.filter((line) => line !== '').join('\n\n') : all.join('\n');
  };
  const limit = ROBOT_MARKDOWN_BYTES[robot];
  let text = render(body);
  let left = [...body];
  let omitted = 0;
  while (bytes(text) > limit) {
    const last = left.map((line) => line.startsWith(ITEM_MARK)).lastIndexOf(true);
    if (last < 0) break;
    left = left.filter((_, index) => index !== last);
    omitted += 1;
    const at = left.map((line) => line.startsWith(ITEM_MARK)).lastIndexOf(true) + 1 || left.length;
    text = render([...left.slice(0, at), `……另有 ${omitted} 项，请在平台查看`, ...left.slice(at)]);
  }
  if (bytes(text) > limit)
    text = Buffer.from(text, 'utf8')
      .subarray(0, limit)
      .toString('utf8')
      .replace(/\uFFFD+$/, '');
  return { title: subject, text };
}

/** The JSON body POSTed to a robot. */
export function robotMessage(robot: Robot, content: ReminderContent, linkBaseUrl: string | undefined): RobotMessage {
  const { title, text } = robotMarkdown(robot, content, linkBaseUrl);
  return robot === 'dingtalk' ? { msgtype: 'markdown', markdown: { title, text } } : { msgtype: 'markdown', markdown: { content: text } };
}

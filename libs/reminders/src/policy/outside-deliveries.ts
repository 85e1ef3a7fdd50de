import type { OutsideDelivery } from '../delivery/reminder-records';
import type { ScheduledDelivery } from '../queues/reminder-queues';
import { deliveryJobId, ROBOTS, type Robot } from './reminder-ids';
import type { Candidate } from './reminder-recipients';

/** The outside channels as configured: WEBHOOK_URL, SMTP_URL and MAIL_TO, DINGTALK_WEBHOOK_URL, WECOM_WEBHOOK_URL. */
export interface OutsideChannels {
  readonly webhookUrl: string | undefined;
  readonly smtpUrl: string | undefined;
  readonly mailTo: readonly string[];
  readonly dingtalkWebhookUrl: string | undefined;
  readonly wecomWebhookUrl: string | undefined;
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** What the deliveries table shows of a URL: no query string (it may hold a token, a robot's access token or key). */
export function urlLabel(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

/** The URL of a robot as configured, or undefined when it is not. */
export function robotUrl(channels: OutsideChannels, robot: Robot): string | undefined {
  return robot === 'dingtalk' ? channels.dingtalkWebhookUrl : channels.wecomWebhookUrl;
}

/** Whether any outside channel is configured: then every reminder goes through the delivery worker (see planDueNow). */
export function hasOutsideChannels(channels: OutsideChannels): boolean {
  return (
    channels.webhookUrl !== undefined || channels.smtpUrl !== undefined || ROBOTS.some((robot) => robotUrl(channels, robot) !== undefined)
  );
}

/**
 * The webhook (when WEBHOOK_URL is set), the e-mails (when SMTP_URL is set: MAIL_TO and recipients
 * whose username is an address) and the group robots (each whose URL is set) of a reminder — of every
 * kind alike: the rows the deliveries table shows, and their jobs. A robot's job names it by its URL
 * without the query: the credential is read from the configuration when the message is sent.
 */
export function outsideDeliveries(
  channels: OutsideChannels,
  reminderId: string,
  recipients: readonly Candidate[],
): { rows: OutsideDelivery[]; jobs: ScheduledDelivery[] } {
  const rows: OutsideDelivery[] = [];
  const { webhookUrl, smtpUrl, mailTo } = channels;
  if (webhookUrl !== undefined) rows.push({ channel: 'webhook', target: webhookUrl, label: urlLabel(webhookUrl) });
  if (smtpUrl !== undefined) {
    const addresses = new Set([...mailTo, ...recipients.map((user) => user.username).filter((name) => EMAIL.test(name))]);
    for (const address of [...addresses].sort()) rows.push({ channel: 'email', target: address, label: address });
  }
  for (const robot of ROBOTS) {
    const url = robotUrl(channels, robot);
    if (url !== undefined) rows.push({ channel: robot, target: urlLabel(url), label: urlLabel(url) });
  }
  const jobs = rows.map((row) => ({
    id: deliveryJobId(reminderId, row.channel, row.target),
    job: { reminderId, channel: row.channel, recipient: row.target },
  }));
  return { rows, jobs };
}

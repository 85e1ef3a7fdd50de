import type { OutsideDelivery } from '../delivery/reminder-records';
import type { ScheduledDelivery } from '../queues/reminder-queues';
import { deliveryJobId } from './reminder-ids';
import type { Candidate } from './reminder-recipients';

/** The outside channels as configured: WEBHOOK_URL, SMTP_URL and MAIL_TO. */
export interface OutsideChannels {
  readonly webhookUrl: string | undefined;
  readonly smtpUrl: string | undefined;
  readonly mailTo: readonly string[];
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/**
 * The webhook (when WEBHOOK_URL is set) and the e-mails (when SMTP_URL is set: MAIL_TO and recipients
 * whose username is an address) of a reminder: the rows the deliveries table shows, and their jobs.
 */
export function outsideDeliveries(
  channels: OutsideChannels,
  reminderId: string,
  recipients: readonly Candidate[],
): { rows: OutsideDelivery[]; jobs: ScheduledDelivery[] } {
  const rows: OutsideDelivery[] = [];
  const { webhookUrl, smtpUrl, mailTo } = channels;
  if (webhookUrl !== undefined) {
    const url = new URL(webhookUrl);
    rows.push({ channel: 'webhook', target: webhookUrl, label: `${url.origin}${url.pathname}` });
  }
  if (smtpUrl !== undefined) {
    const addresses = new Set([...mailTo, ...recipients.map((user) => user.username).filter((name) => EMAIL.test(name))]);
    for (const address of [...addresses].sort()) rows.push({ channel: 'email', target: address, label: address });
  }
  const jobs = rows.map((row) => ({
    id: deliveryJobId(reminderId, row.channel, row.target),
    job: { reminderId, channel: row.channel, recipient: row.target },
  }));
  return { rows, jobs };
}

import { type Job, UnrecoverableError } from 'bullmq';
import type { EntityManager } from 'typeorm';
import type { DeliveryJob } from '../queues/job-data';
import type { ReminderContent } from '../policy/reminder-message';
import { loadReminderContent, recordAttempt } from './reminder-content';

/**
 * One attempt of an outside delivery, whatever its channel: the reminder is read, `send` is called and
 * the attempt recorded — delivered; pending with the error while attempts are left; failed with the
 * error on the last attempt or a refusal that is not retried (UnrecoverableError). The error is thrown
 * on, so that BullMQ retries the job with its back-off or leaves it failed. `recipient`: what the
 * deliveries table shows (never a credential).
 */
export async function attemptDelivery(
  executor: Pick<EntityManager, 'query'>,
  job: Job,
  data: DeliveryJob,
  recipient: string,
  send: (content: ReminderContent) => Promise<void>,
): Promise<'delivered'> {
  const content = await loadReminderContent(executor, data.reminderId);
  if (content === null) throw new UnrecoverableError(`no reminder ${data.reminderId} to deliver`);
  try {
    await send(content);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const final = error instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    await recordAttempt(executor, {
      reminderId: data.reminderId,
      channel: data.channel,
      recipient,
      status: final ? 'failed' : 'pending',
      error: message,
    });
    throw error;
  }
  await recordAttempt(executor, { reminderId: data.reminderId, channel: data.channel, recipient, status: 'delivered', error: null });
  return 'delivered';
}

import { admissionStreamId, decisionDueAt } from '@fangquan/domain';
import type { RecordedEvent, SubscriptionHandler } from '@fangquan/event-store';
import type { AppConfig, Clock } from '@fangquan/platform';
import type { EntityManager } from 'typeorm';
import { planRequestReminders, REQUEST_EVENT_TYPES } from '../policy/subject-reminders';
import type { ReminderQueues } from '../queues/reminder-queues';

/** The subscription of the requests' reminders (its checkpoint and lock). */
export const REQUEST_REMINDERS_SUBSCRIPTION = 'reminders.requests';

const ADMISSION_PREFIX = admissionStreamId('');

/**
 * The process manager of the reminders about requests the county office decides (recall requests, task
 * admissions): a subscription on the log that, for each batch, queues a delayed decision-due job at the
 * instant each filed request falls due and, for each decision, drops it and queues the decision-made
 * notice (planRequestReminders; deterministic job ids, so a batch run again adds nothing). The jobs are
 * added inside the batch: with Redis away the batch rolls back and is retried, and the checkpoint moves
 * only once its jobs are in Redis.
 */
export class RequestReminderProcessManager implements SubscriptionHandler {
  readonly name = REQUEST_REMINDERS_SUBSCRIPTION;
  readonly relevant = `e.type IN (${REQUEST_EVENT_TYPES.map((type) => `'${type}'`).join(', ')})`;

  constructor(
    private readonly queues: ReminderQueues,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async handle(events: RecordedEvent[], _tx: EntityManager): Promise<void> {
    const plan = planRequestReminders(
      events,
      (filedAt) => decisionDueAt(filedAt, this.config.decisionReminder, this.config.workCalendar),
      this.clock.now(),
      (streamId) => (streamId.startsWith(ADMISSION_PREFIX) ? streamId.slice(ADMISSION_PREFIX.length) : undefined),
    );
    await this.queues.removeReminders(plan.remove);
    await this.queues.addReminders(plan.add);
  }
}

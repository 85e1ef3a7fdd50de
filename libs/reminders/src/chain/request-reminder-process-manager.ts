import { admissionStreamId, decisionDueAt, whistleStreamId } from '@fangquan/domain';
import type { RecordedEvent, SubscriptionHandler } from '@fangquan/event-store';
import type { AppConfig, Clock } from '@fangquan/platform';
import type { EntityManager } from 'typeorm';
import { planRequestReminders, REQUEST_EVENT_TYPES } from '../policy/subject-reminders';
import { DEADLINE_EVENT_TYPES, planSupervision } from '../policy/supervision';
import type { ReminderQueues } from '../queues/reminder-queues';

/** The subscription of the requests' reminders (its checkpoint and lock). */
export const REQUEST_REMINDERS_SUBSCRIPTION = 'reminders.requests';

const ADMISSION_PREFIX = admissionStreamId('');
const WHISTLE_PREFIX = whistleStreamId('');

function idAfter(prefix: string): (streamId: string) => string | undefined {
  return (streamId) => (streamId.startsWith(prefix) ? streamId.slice(prefix.length) : undefined);
}

/**
 * The process manager of the reminders about requests the county office decides (recall requests, task
 * admissions) and of whistles' supervision: a subscription on the log that, for each batch, queues a
 * delayed decision-due job at the instant each filed request falls due and, for each decision, drops it
 * and queues the decision-made notice (planRequestReminders); and for each whistle event that starts a
 * step or moves its deadline, a supervision job at that deadline (planSupervision). Job ids are
 * deterministic, so a batch run again adds nothing. The jobs are
 * added inside the batch: with Redis away the batch rolls back and is retried, and the checkpoint moves
 * only once its jobs are in Redis.
 */
export class RequestReminderProcessManager implements SubscriptionHandler {
  readonly name = REQUEST_REMINDERS_SUBSCRIPTION;
  readonly relevant = `e.type IN (${[...REQUEST_EVENT_TYPES, ...DEADLINE_EVENT_TYPES].map((type) => `'${type}'`).join(', ')})`;

  constructor(
    private readonly queues: ReminderQueues,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async handle(events: RecordedEvent[], _tx: EntityManager): Promise<void> {
    const now = this.clock.now();
    const requests = events.filter((event) => !event.streamId.startsWith(WHISTLE_PREFIX));
    const plan = planRequestReminders(
      requests,
      (filedAt) => decisionDueAt(filedAt, this.config.decisionReminder, this.config.workCalendar),
      now,
      idAfter(ADMISSION_PREFIX),
    );
    const supervision = planSupervision(
      events.filter((event) => event.streamId.startsWith(WHISTLE_PREFIX)),
      idAfter(WHISTLE_PREFIX),
      now,
    );
    await this.queues.removeReminders(plan.remove);
    await this.queues.addReminders([...plan.add, ...supervision]);
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import { Queue, type JobsOptions } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '@fangquan/platform';
import { isRobot, ROBOTS, type Robot } from '../policy/reminder-ids';
import type { SubjectReminderJob } from '../policy/subject-reminders';
import type { DeliveryJob, ReminderJob, SweepName } from './job-data';
import { DELIVERY_QUEUE, REMINDER_QUEUE, ROBOT_QUEUES, SWEEP_QUEUE } from './queue-names';
import { RedisConnections } from './redis-connections';
import { throttledErrorLog } from './redis-error-log';
import { withDeadline } from './redis-timeout';

/** One reminder job to add: its deterministic id (the reminder id), its payload and when it is due. */
export interface ScheduledReminder {
  readonly id: string;
  readonly job: ReminderJob;
  readonly delayMs: number;
}

/** A reminder job about a subject other than a handover (see subject-reminders). */
export interface ScheduledSubjectReminder {
  readonly id: string;
  readonly job: SubjectReminderJob;
  readonly delayMs: number;
}

export interface ScheduledDelivery {
  readonly id: string;
  readonly job: DeliveryJob;
}

/** How long a producer waits for Redis before the caller's work is rolled back and retried. */
const REDIS_DEADLINE_MS = 5000;
const DAY_S = 86_400;

/**
 * The producers of the three queues, on the fail-fast connection. Job ids are always given
 * (deterministic): adding an id that exists adds nothing. Completed jobs are kept a day (at most
 * 10,000 per queue) so that Redis does not grow; failed ones are kept for an operator to see and retry.
 */
@Injectable()
export class ReminderQueues {
  private readonly logger = new Logger(ReminderQueues.name);
  /** Typed by its handover jobs, which the tests read back; the subjects' jobs share it (addReminders). */
  readonly reminders: Queue<ReminderJob>;
  readonly deliveries: Queue<DeliveryJob>;
  readonly sweeps: Queue<{ sweep: SweepName }>;
  /** One queue per group robot (its rate limit is the queue's); the same attempts and back-off as `deliveries`. */
  readonly robots: Record<Robot, Queue<DeliveryJob>>;

  constructor(connections: RedisConnections, @Inject(APP_CONFIG) config: AppConfig) {
    const common = { connection: connections.producer, prefix: config.queuePrefix };
    const keep = { removeOnComplete: { age: DAY_S, count: 10_000 }, removeOnFail: { age: 30 * DAY_S, count: 50_000 } };
    this.reminders = new Queue<ReminderJob>(REMINDER_QUEUE, {
      ...common,
      // Retries cover a database that is away and a chain whose transaction has not committed yet.
      defaultJobOptions: { ...keep, attempts: 12, backoff: { type: 'exponential', delay: 500 } },
    });
    const deliveryOptions = {
      ...common,
      defaultJobOptions: { ...keep, attempts: config.deliveryAttempts, backoff: { type: 'exponential', delay: config.deliveryBackoffMs } },
    };
    this.deliveries = new Queue<DeliveryJob>(DELIVERY_QUEUE, deliveryOptions);
    this.robots = {
      dingtalk: new Queue<DeliveryJob>(ROBOT_QUEUES.dingtalk, deliveryOptions),
      wecom: new Queue<DeliveryJob>(ROBOT_QUEUES.wecom, deliveryOptions),
    };
    this.sweeps = new Queue<{ sweep: SweepName }>(SWEEP_QUEUE, {
      ...common,
      defaultJobOptions: {
        removeOnComplete: { count: 100 },
        removeOnFail: { count: 1000 },
        attempts: 3,
        backoff: { type: 'exponential', delay: 10_000 },
      },
    });
    for (const queue of this.all()) queue.on('error', throttledErrorLog(this.logger, `queue ${queue.name}`));
  }

  all(): Queue[] {
    return [this.reminders, this.deliveries, this.sweeps, ...ROBOTS.map((robot) => this.robots[robot])] as Queue[];
  }

  async addReminders(reminders: readonly (ScheduledReminder | ScheduledSubjectReminder)[]): Promise<void> {
    if (reminders.length === 0) return;
    await withDeadline('adding reminder jobs', REDIS_DEADLINE_MS, () =>
      (this.reminders as Queue<ReminderJob | SubjectReminderJob>).addBulk(
        reminders.map(({ id, job, delayMs }) => ({ name: job.kind, data: job, opts: jobOptions(id, delayMs) })),
      ),
    );
  }

  /** Removes pending jobs; a job that runs right now is left alone (it finds itself obsolete). */
  async removeReminders(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await withDeadline('removing reminder jobs', REDIS_DEADLINE_MS, () => Promise.all(ids.map((id) => this.reminders.remove(id))));
  }

  /** Webhook and e-mail jobs go to `deliveries`, each robot's to its own queue. */
  async addDeliveries(deliveries: readonly ScheduledDelivery[]): Promise<void> {
    if (deliveries.length === 0) return;
    const byQueue = new Map<Queue<DeliveryJob>, ScheduledDelivery[]>();
    for (const delivery of deliveries) {
      const { channel } = delivery.job;
      const queue = isRobot(channel) ? this.robots[channel] : this.deliveries;
      byQueue.set(queue, [...(byQueue.get(queue) ?? []), delivery]);
    }
    await withDeadline('adding delivery jobs', REDIS_DEADLINE_MS, () =>
      Promise.all(
        [...byQueue].map(([queue, jobs]) =>
          queue.addBulk(jobs.map(({ id, job }) => ({ name: job.channel, data: job, opts: { jobId: id } }))),
        ),
      ),
    );
  }
}

function jobOptions(id: string, delayMs: number): JobsOptions {
  return delayMs > 0 ? { jobId: id, delay: delayMs } : { jobId: id };
}

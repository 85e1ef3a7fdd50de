import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { ModuleRef } from '@nestjs/core';
import { ReminderProcessor } from './delivery/reminder.processor';
import { OutsideDeliveryProcessor } from './channels/outside-delivery.processor';
import { RobotDeliveryWorkers } from './channels/robot-delivery.workers';
import { REMINDER_QUEUE_NAMES } from './queues/queue-names';
import { throttledErrorLog } from './queues/redis-error-log';
import { ReminderQueues } from './queues/reminder-queues';
import { ReminderSubscriptions } from './chain/reminder-subscriptions';
import { FollowUpRelay } from './chain/follow-up-relay';
import { SweepProcessor } from './sweeps/sweep.processor';

/**
 * Starts the process managers' subscriptions (one per partition of the chains) and the follow-up relay
 * once the application has bootstrapped (where workers run), and stops everything in order before the
 * database and Redis connections close: the subscriptions and the relay (their batches in flight
 * commit or roll back), the workers (their jobs in flight finish), then the queues.
 */
@Injectable()
export class RemindersLifecycle implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('RemindersQueues');

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly queues: ReminderQueues,
  ) {}

  /** The queues @nestjs/bullmq registers for the workers report Redis errors through the log, not the console. */
  onModuleInit(): void {
    for (const name of REMINDER_QUEUE_NAMES)
      this.find<Queue>(getQueueToken(name))?.on('error', throttledErrorLog(this.logger, `queue ${name}`));
  }

  onApplicationBootstrap(): void {
    this.subscriptions()?.start();
    this.find<FollowUpRelay>(FollowUpRelay)?.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([this.subscriptions()?.stop(), this.find<FollowUpRelay>(FollowUpRelay)?.stop()]);
    const processors = [ReminderProcessor, OutsideDeliveryProcessor, SweepProcessor].map((type) =>
      this.find<{ worker: { close(): Promise<void> } }>(type),
    );
    await Promise.all([
      ...processors.map((processor) => processor?.worker.close()),
      this.find<RobotDeliveryWorkers>(RobotDeliveryWorkers)?.close(),
    ]);
    await Promise.all(this.queues.all().map((queue) => queue.close().catch(() => undefined)));
  }

  private subscriptions(): ReminderSubscriptions | undefined {
    return this.find<ReminderSubscriptions>(ReminderSubscriptions);
  }

  /** Workers, runner and processors exist only where the workers run (`runWorkers`). */
  private find<T>(token: string | symbol | (abstract new (...args: never[]) => unknown)): T | undefined {
    try {
      return this.moduleRef.get<unknown, T>(token as never, { strict: false });
    } catch {
      return undefined;
    }
  }
}

/** The BullMQ queues of the reminders (their keys live under QUEUE_PREFIX). */
export const REMINDER_QUEUE = 'reminders';
export const DELIVERY_QUEUE = 'deliveries';
export const SWEEP_QUEUE = 'sweeps';
/** The queues whose workers are @nestjs/bullmq processors. */
export const REMINDER_QUEUE_NAMES = [REMINDER_QUEUE, DELIVERY_QUEUE, SWEEP_QUEUE] as const;
/** One queue per group robot, each with its own rate limit (see RobotDeliveryWorkers). */
export const ROBOT_QUEUES = { dingtalk: 'robot-dingtalk', wecom: 'robot-wecom' } as const;

/** @nestjs/bullmq configuration key of the workers' connection (see RemindersModule). */
export const WORKER_BULL_CONFIG = 'fangquan-reminder-workers';

/** Worker settings: a killed worker's jobs are found stalled and run again within ~15 s. */
export const WORKER_LOCK_MS = 10_000;
export const WORKER_STALLED_INTERVAL_MS = 5_000;
export const WORKER_MAX_STALLED = 3;

// @fangquan/reminders — the reminder process manager (what to remind, when, whom), the delivery
// workers and channels, the sweeps, and the inbox.
export * from './policy/reminder-schedule';
export * from './policy/reminder-ids';
export * from './policy/reminder-recipients';
export * from './policy/notice-thresholds';
export * from './policy/reminder-message';
export * from './policy/webhook-signature';
export * from './policy/robot-signature';
export * from './policy/robot-message';
export * from './policy/robot-reply';
export * from './policy/subject-reminders';
export * from './chain/reminder-chain';
export { ReminderProcessManager } from './chain/reminder-process-manager';
export { REQUEST_REMINDERS_SUBSCRIPTION, RequestReminderProcessManager } from './chain/request-reminder-process-manager';
export {
  ALL_PARTITIONS,
  type ChainPartition,
  partitionOf,
  partitionSubscription,
  REMINDER_PARTITIONS,
  REMINDERS_SUBSCRIPTION,
} from './chain/chain-partitions';
export { ReminderDispatch } from './chain/reminder-dispatch';
export { SubjectReminderDelivery } from './delivery/subject-reminder-delivery';
export { ReminderSubscriptions } from './chain/reminder-subscriptions';
export { FOLLOW_UP_LEAD_MS, FollowUpRelay } from './chain/follow-up-relay';
export * from './schema/reminders-schema';
export { DELIVERY_STATUSES, type DeliveryStatus } from './schema/reminder-delivery.entity';
export * from './queues/queue-names';
export * from './queues/job-data';
export { ReminderQueues, type ScheduledReminder, type ScheduledSubjectReminder, type ScheduledDelivery } from './queues/reminder-queues';
export { RedisConnections } from './queues/redis-connections';
export * from './queries/inbox.queries';
export * from './queries/handover-reminders.queries';
export { ReminderSweeps } from './sweeps/reminder-sweeps.service';
export * from './reminders.module';

export * from './errors';
export * from './json';
export * from './event-metadata';
export * from './event-store.types';
export * from './event-store.logger';
export { EventStore, type EventStoreOptions, type SingleAppend, type StreamRead, type StreamReadRequest } from './event-store';
export { UpcasterRegistry, type Upcaster, type EventLocation } from './upcaster-registry';
export {
  SubscriptionRunner,
  type SubscriptionHandler,
  type GatedSubscriptionHandler,
  type SubscriptionRunnerOptions,
  type BatchOutcome,
} from './subscription-runner';
export { GATE, type GatedWrite, lockSubscription } from './subscription-checkpoints';
export type { SqlExecutor } from './sql-executor';
export { type PreparedStatement, queryPrepared, statementFor } from './prepared-statement';
export { SubscriptionNotifications, SUBSCRIPTION_NOTIFY_CHANNEL } from './subscription-notifications';
export { SnapshotStore, type StoredSnapshot } from './snapshot-store';
export * from './aggregate-store';
export { eventStoreMigrations } from './migrations';
export { CreateEventStore1735689600000 } from './migrations/1735689600000-create-event-store';

import { RemindersSchema1736100000000 } from './1736100000000-reminders-schema';
import { ChainRoomForUpdates1764000000001 } from './1764000000001-chain-room-for-updates';
import { ChainPartitionCheckpoints1764700000000 } from './1764700000000-chain-partition-checkpoints';
import { ChainFollowUps1764800000000 } from './1764800000000-chain-follow-ups';
import { TownshipNotices1764900000000 } from './1764900000000-township-notices';
import { RobotChannels1765310000000 } from './1765310000000-robot-channels';
import { ReminderSubjects1765400000000 } from './1765400000000-reminder-subjects';
import { InboxEntryRow } from './inbox-entry.entity';
import { ReminderChainRow } from './reminder-chain.entity';
import { ReminderDeliveryRow } from './reminder-delivery.entity';
import { ReminderRow } from './reminder.entity';

/**
 * The reminders' tables for `applicationSchema`. This file imports nothing of the other libraries'
 * code (types only), so that the read models' schema can list it without an import cycle.
 */
export const reminderEntities = [ReminderChainRow, ReminderRow, InboxEntryRow, ReminderDeliveryRow];
export const reminderMigrations = [
  RemindersSchema1736100000000,
  ChainRoomForUpdates1764000000001,
  ChainPartitionCheckpoints1764700000000,
  ChainFollowUps1764800000000,
  TownshipNotices1764900000000,
  RobotChannels1765310000000,
  ReminderSubjects1765400000000,
];

export {
  ReminderChainRow,
  ReminderRow,
  InboxEntryRow,
  ReminderDeliveryRow,
  RemindersSchema1736100000000,
  ChainRoomForUpdates1764000000001,
  ChainPartitionCheckpoints1764700000000,
  ChainFollowUps1764800000000,
  TownshipNotices1764900000000,
  RobotChannels1765310000000,
  ReminderSubjects1765400000000,
};

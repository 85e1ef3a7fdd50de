import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DeliveryChannel } from '../policy/reminder-ids';

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One delivery of a reminder on one channel to one recipient (table `reminder_deliveries`). */
@Entity({ name: 'reminder_deliveries' })
export class ReminderDeliveryRow {
  @PrimaryColumn('text', { name: 'reminder_id' })
  reminderId!: string;

  @PrimaryColumn('text')
  channel!: DeliveryChannel;

  /** Inbox: the username; webhook: the URL's origin; e-mail: the address. */
  @PrimaryColumn('text')
  recipient!: string;

  @Column('text')
  status!: DeliveryStatus;

  @Column('integer')
  attempts!: number;

  @Column('text', { name: 'last_error', nullable: true })
  lastError!: string | null;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}

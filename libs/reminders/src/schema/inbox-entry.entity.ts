import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import type { Gap, ReminderKind } from '@fangquan/domain';

/** A reminder in one user's in-app inbox (table `inbox`): one row per reminder and recipient. */
@Entity({ name: 'inbox' })
@Unique('uq_inbox_reminder_recipient', ['reminderId', 'recipientUserId'])
@Index('ix_inbox_recipient_created', ['recipientUserId', 'createdAt'])
export class InboxEntryRow {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { name: 'reminder_id' })
  reminderId!: string;

  @Column('uuid', { name: 'recipient_user_id' })
  recipientUserId!: string;

  @Column('text', { name: 'county_id' })
  countyId!: string;

  @Column('text', { name: 'handover_id' })
  handoverId!: string;

  @Column('text')
  kind!: ReminderKind;

  @Column('jsonb', { nullable: true })
  gaps!: Gap[] | null;

  @Column('integer')
  step!: number;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'read_at', nullable: true })
  readAt!: Date | null;
}

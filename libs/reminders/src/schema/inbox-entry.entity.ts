import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import type { DecisionOutcome, Gap, InboxKind, ReminderSubjectType } from '@fangquan/domain';

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

  /** Null for a reminder about another subject. */
  @Column('text', { name: 'handover_id', nullable: true })
  handoverId!: string | null;

  @Column('text', { name: 'subject_type', nullable: true })
  subjectType!: ReminderSubjectType | null;

  @Column('text', { name: 'subject_id', nullable: true })
  subjectId!: string | null;

  @Column('text', { name: 'subject_title', nullable: true })
  subjectTitle!: string | null;

  /** A decision-made item: the decision. */
  @Column('text', { nullable: true })
  outcome!: DecisionOutcome | null;

  @Column('text')
  kind!: InboxKind;

  @Column('jsonb', { nullable: true })
  gaps!: Gap[] | null;

  @Column('integer')
  step!: number;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'read_at', nullable: true })
  readAt!: Date | null;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Gap, InboxKind, ReminderSubjectType } from '@fangquan/domain';
import type { ReminderDetail } from '../policy/reminder-message';

/** One reminder as delivered (table `reminders`); its id is the deterministic reminder id. */
@Entity({ name: 'reminders' })
@Index('ix_reminders_handover', ['handoverId', 'createdAt'])
export class ReminderRow {
  @PrimaryColumn('text')
  id!: string;

  /** Null for a reminder about another subject (subject_type, subject_id). */
  @Column('text', { name: 'handover_id', nullable: true })
  handoverId!: string | null;

  @Column('text', { name: 'subject_type', nullable: true })
  subjectType!: ReminderSubjectType | null;

  @Column('text', { name: 'subject_id', nullable: true })
  subjectId!: string | null;

  @Column('text', { name: 'subject_title', nullable: true })
  subjectTitle!: string | null;

  @Column('text', { name: 'county_id' })
  countyId!: string;

  @Column('text')
  kind!: InboxKind;

  @Column('integer')
  step!: number;

  /** Gap reminders and gaps-closed notices: the chain's episode. */
  @Column('integer', { nullable: true })
  episode!: number | null;

  @Column('boolean')
  escalated!: boolean;

  @Column('jsonb', { nullable: true })
  gaps!: Gap[] | null;

  @Column('jsonb', { nullable: true })
  detail!: ReminderDetail | null;

  /** `[{ userId, username }]`. */
  @Column('jsonb')
  recipients!: { userId: string; username: string }[];

  @Column('text', { name: 'township_name', nullable: true })
  townshipName!: string | null;

  @Column('text', { name: 'power_code', nullable: true })
  powerCode!: string | null;

  @Column('text', { name: 'power_name', nullable: true })
  powerName!: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}

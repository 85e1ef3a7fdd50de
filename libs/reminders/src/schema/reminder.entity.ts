import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Gap, ReminderKind } from '@fangquan/domain';
import type { ReminderDetail } from '../policy/reminder-message';

/** One reminder as delivered (table `reminders`); its id is the deterministic reminder id. */
@Entity({ name: 'reminders' })
@Index('ix_reminders_handover', ['handoverId', 'createdAt'])
export class ReminderRow {
  @PrimaryColumn('text')
  id!: string;

  @Column('text', { name: 'handover_id' })
  handoverId!: string;

  @Column('text', { name: 'county_id' })
  countyId!: string;

  @Column('text')
  kind!: ReminderKind;

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

  @Column('text', { name: 'power_code' })
  powerCode!: string;

  @Column('text', { name: 'power_name', nullable: true })
  powerName!: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}

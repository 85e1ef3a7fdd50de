import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Commitments, Gap } from '@fangquan/domain';

/**
 * The process manager's own view of every handover it has seen (table `reminder_chains`): what
 * readiness needs of the handover, and the state of its reminder chain.
 */
@Entity({ name: 'reminder_chains' })
@Index('ix_reminder_chains_team', ['teamId'])
@Index('ix_reminder_chains_power', ['countyId', 'powerCode'])
@Index('ix_reminder_chains_follow_up', ['followUpDueAt'], { where: 'follow_up_due_at IS NOT NULL' })
export class ReminderChainRow {
  @PrimaryColumn('text', { name: 'handover_id' })
  handoverId!: string;

  @Column('text', { name: 'county_id' })
  countyId!: string;

  @Column('text', { name: 'team_id' })
  teamId!: string;

  @Column('text', { name: 'township_id' })
  townshipId!: string;

  @Column('text', { name: 'township_name', nullable: true })
  townshipName!: string | null;

  @Column('text', { name: 'power_code' })
  powerCode!: string;

  @Column('text', { name: 'power_name', nullable: true })
  powerName!: string | null;

  @Column('text')
  department!: string;

  @Column('text', { name: 'effective_on' })
  effectiveOn!: string;

  @Column('jsonb')
  committed!: Commitments;

  /** The handover's status as of `handoverVersion`. */
  @Column('text', { name: 'handover_status' })
  handoverStatus!: string;

  @Column('integer', { name: 'handover_version' })
  handoverVersion!: number;

  @Column('integer')
  episode!: number;

  @Column('integer')
  revision!: number;

  /** Null while no gap is open. */
  @Column('text', { nullable: true })
  fingerprint!: string | null;

  @Column('jsonb')
  gaps!: Gap[];

  @Column('integer', { name: 'next_step' })
  nextStep!: number;

  @Column('timestamptz', { name: 'opened_at', nullable: true })
  openedAt!: Date | null;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  /** The next step, when a process manager's batch delivered this one and FollowUpRelay has yet to queue it: its due time. */
  @Column('timestamptz', { name: 'follow_up_due_at', nullable: true })
  followUpDueAt!: Date | null;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}

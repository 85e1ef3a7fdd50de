import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Commitments, Gap, HandoverMode, HandoverStatus } from '@fangquan/domain';

/** One handover of a power to a team, with its readiness (table `handovers`). */
@Entity({ name: 'handovers' })
@Index('ix_handovers_county_status', ['countyId', 'status'])
@Index('ix_handovers_county_team', ['countyId', 'teamId'])
@Index('ix_handovers_county_power', ['countyId', 'powerCode'])
@Index('ix_handovers_county_ready', ['countyId', 'ready'])
export class HandoverView {
  @PrimaryColumn('text')
  id!: string;

  @Column('text', { name: 'county_id' })
  countyId!: string;

  @Column('text', { name: 'power_code' })
  powerCode!: string;

  @Column('text', { name: 'team_id' })
  teamId!: string;

  @Column('text', { name: 'township_id' })
  townshipId!: string;

  /** From the team's row; null only while the team is unknown to the read side. */
  @Column('text', { name: 'township_name', nullable: true })
  townshipName!: string | null;

  /** The department handing the power over. */
  @Column('text')
  department!: string;

  @Column('text')
  status!: Exclude<HandoverStatus, 'none'>;

  @Column('text')
  mode!: HandoverMode;

  @Column('text')
  instrument!: string;

  /** `YYYY-MM-DD`, kept as text (no time zone games). */
  @Column('text', { name: 'effective_on' })
  effectiveOn!: string;

  @Column('text', { name: 'ends_on', nullable: true })
  endsOn!: string | null;

  @Column('jsonb')
  committed!: Commitments;

  /** Open handovers: as of today. Revoked ones: as of the revocation date, then frozen. */
  @Column('jsonb')
  gaps!: Gap[];

  @Column('boolean')
  ready!: boolean;

  /** Version of the stream `handover-${id}` this row includes. */
  @Column('integer')
  version!: number;

  /** occurredAt of HandoverRecorded. */
  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt!: Date;

  /** occurredAt of the last event of the handover's stream. */
  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}

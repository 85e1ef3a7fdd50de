import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { EquipmentLine, Officer, TrainingRecord } from '@fangquan/domain';

/** A township's enforcement team: its capacity as it is (table `teams`). */
@Entity({ name: 'teams' })
@Index('ix_teams_county', ['countyId'])
export class TeamView {
  @PrimaryColumn('text', { name: 'team_id' })
  teamId!: string;

  @Column('text', { name: 'county_id' })
  countyId!: string;

  @Column('text', { name: 'township_id' })
  townshipId!: string;

  @Column('text', { name: 'township_name' })
  townshipName!: string;

  /** Current officers, in the order they joined. */
  @Column('jsonb')
  officers!: Officer[];

  /** On hand, sorted by kind; kinds at zero are left out. */
  @Column('jsonb')
  equipment!: EquipmentLine[];

  /** Every completed training, including that of officers who have left. */
  @Column('jsonb')
  training!: TrainingRecord[];

  /** Version of the stream `team-${teamId}` this row includes. */
  @Column('integer')
  version!: number;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DutyListChanges, ListedDuty } from '@fangquan/domain';

/** One published version of a township's duty list, frozen (table `duty_list_publications`). */
@Entity({ name: 'duty_list_publications' })
export class DutyListPublicationView {
  @PrimaryColumn('text', { name: 'township_id' })
  townshipId!: string;

  @PrimaryColumn('integer')
  version!: number;

  @Column('text', { name: 'county_id' })
  countyId!: string;

  @Column('timestamptz', { name: 'published_at' })
  publishedAt!: Date;

  @Column('text', { name: 'decision_ref' })
  decisionRef!: string;

  @Column('text', { nullable: true })
  note!: string | null;

  @Column('jsonb')
  items!: ListedDuty[];

  @Column('jsonb')
  changes!: DutyListChanges;
}

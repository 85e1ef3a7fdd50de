import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RaisedWhistle, WhistleStatus } from '@fangquan/domain';

/**
 * One whistle as its stream has it (table `whistles`): the columns lists filter by, and the whole
 * state, which the detail and the departments' assessment read.
 */
@Entity({ name: 'whistles' })
export class WhistleView {
  @PrimaryColumn('text')
  id!: string;

  @Column('text', { name: 'county_id' })
  countyId!: string;

  @Column('text', { name: 'township_id' })
  townshipId!: string;

  /** The lead department; null before routing and after an objection. */
  @Column('text', { nullable: true })
  department!: string | null;

  @Column('jsonb', { name: 'co_departments' })
  coDepartments!: string[];

  @Column('text')
  status!: WhistleStatus;

  /** Some step is recorded overdue and still not done. */
  @Column('boolean')
  overdue!: boolean;

  /** The deadline of the step in progress; null when none is. */
  @Column('timestamptz', { name: 'next_deadline', nullable: true })
  nextDeadline!: Date | null;

  @Column('timestamptz', { name: 'raised_at' })
  raisedAt!: Date;

  @Column('jsonb')
  state!: RaisedWhistle;

  /** Version of the stream `whistle-${id}` this row includes. */
  @Column('integer')
  version!: number;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A township or street (乡镇/街道) of a county; it has exactly one enforcement team. */
@Entity({ name: 'townships' })
@Index('uq_townships_county_name', ['countyId', 'name'], { unique: true })
export class Township {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'county_id' })
  countyId!: string;

  @Column('text')
  name!: string;

  /** The township's enforcement team (stream `team-${teamId}`). */
  @Column('uuid', { name: 'team_id', unique: true })
  teamId!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}

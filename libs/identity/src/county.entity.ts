import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The tenant: every record belongs to one county. */
@Entity({ name: 'counties' })
export class County {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}

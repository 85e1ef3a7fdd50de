import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PowerCategory, Requirements } from '@fangquan/domain';

/** A power item of a county's catalogue as it is now (table `power_items`). */
@Entity({ name: 'power_items' })
export class PowerItemView {
  @PrimaryColumn('text', { name: 'county_id' })
  countyId!: string;

  @PrimaryColumn('text')
  code!: string;

  @Column('text')
  name!: string;

  @Column('text')
  category!: PowerCategory;

  @Column('text', { name: 'legal_basis' })
  legalBasis!: string;

  @Column('text')
  department!: string;

  @Column('jsonb')
  requirements!: Requirements;

  /** Version of the stream `power-${countyId}-${code}` this row includes. */
  @Column('integer')
  version!: number;

  /** occurredAt of the last event applied (never the projection's own clock). */
  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { DutyCategory, DutyDomain } from '@fangquan/domain';

/** A duty item of a county's catalogue as it is now (table `duties`). Absent optional fields are null. */
@Entity({ name: 'duties' })
@Index('ix_duties_county_domain', ['countyId', 'domain'])
export class DutyView {
  @PrimaryColumn('text', { name: 'county_id' })
  countyId!: string;

  @PrimaryColumn('text')
  code!: string;

  @Column('text')
  name!: string;

  @Column('text')
  domain!: DutyDomain;

  @Column('text', { name: 'default_category' })
  defaultCategory!: DutyCategory;

  @Column('text', { nullable: true })
  description!: string | null;

  @Column('text', { name: 'legal_basis', nullable: true })
  legalBasis!: string | null;

  @Column('text', { name: 'lead_department', nullable: true })
  leadDepartment!: string | null;

  @Column('text', { name: 'power_code', nullable: true })
  powerCode!: string | null;

  @Column('text', { nullable: true })
  contact!: string | null;

  /** Version of the stream `duty-${countyId}-${code}` this row includes. */
  @Column('integer')
  version!: number;

  /** occurredAt of the last event applied. */
  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from './roles';

/** A person who signs in. `passwordHash` never leaves the server. */
@Entity({ name: 'users' })
export class User {
  @PrimaryColumn('uuid')
  id!: string;

  /** Lower-case, unique. */
  @Column('text', { unique: true })
  username!: string;

  @Column('text', { name: 'password_hash' })
  passwordHash!: string;

  @Column('text')
  role!: Role;

  @Column('uuid', { name: 'county_id', nullable: true })
  countyId!: string | null;

  @Column('uuid', { name: 'township_id', nullable: true })
  townshipId!: string | null;

  @Column('text', { nullable: true })
  department!: string | null;

  /** 负责人 of a county office, department or township: escalated reminders go to heads too. */
  @Column('boolean', { default: false })
  head!: boolean;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  /** Set while the login is disabled (a departed officer): no login, no token honoured. */
  @Column('timestamptz', { name: 'disabled_at', nullable: true })
  disabledAt!: Date | null;

  /** Raised by every change that ends the user's sessions (disabled, role, password); tokens carry it. */
  @Column('integer', { name: 'token_version', default: 1 })
  tokenVersion!: number;
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { RaisedWhistle, WhistleStatus } from '@fangquan/domain';
import { WhistleView } from '../entities/whistle-view.entity';
import { assertPage, type PageRequest } from './handover.queries';

/** A whistle as the read side has it: its state and its stream version. */
export interface WhistleReadModel {
  readonly state: RaisedWhistle;
  readonly version: number;
}

/** Whose whistles a caller sees within the county: a township's, or those a department leads or co-handles; absent: all. */
export interface WhistleReach {
  readonly countyId: string;
  readonly townshipId?: string;
  readonly department?: string;
}

export interface WhistleFilter {
  readonly status?: WhistleStatus;
  /** Led or co-handled by this department. */
  readonly department?: string;
  readonly townshipId?: string;
  readonly overdue?: boolean;
}

/** The county's whistles; every query is scoped by county and the caller's reach. */
@Injectable()
export class WhistleQueries {
  constructor(@InjectRepository(WhistleView) private readonly whistles: Repository<WhistleView>) {}

  /**
   * One page, the nearest deadline first (whistles without one after, newest first). `overdue`: a step
   * recorded overdue, or the step in progress past its deadline at `now`.
   */
  async list(
    reach: WhistleReach,
    filter: WhistleFilter,
    page: PageRequest,
    now: Date,
  ): Promise<{ items: WhistleReadModel[]; total: number }> {
    assertPage(page);
    const query = this.whistles.createQueryBuilder('w').where('w.county_id = :countyId', { countyId: reach.countyId });
    if (reach.townshipId !== undefined) query.andWhere('w.township_id = :reachTownship', { reachTownship: reach.townshipId });
    if (reach.department !== undefined)
      query.andWhere('(w.department = :reachDepartment OR jsonb_exists(w.co_departments, :reachDepartment))', {
        reachDepartment: reach.department,
      });
    if (filter.status !== undefined) query.andWhere('w.status = :status', { status: filter.status });
    if (filter.townshipId !== undefined) query.andWhere('w.township_id = :townshipId', { townshipId: filter.townshipId });
    if (filter.department !== undefined)
      query.andWhere('(w.department = :department OR jsonb_exists(w.co_departments, :department))', { department: filter.department });
    if (filter.overdue === true) query.andWhere('(w.overdue OR w.next_deadline < :now)', { now });
    if (filter.overdue === false) query.andWhere('NOT w.overdue AND (w.next_deadline IS NULL OR w.next_deadline >= :now)', { now });
    const total = await query.getCount();
    const rows = await query
      .orderBy('w.next_deadline', 'ASC', 'NULLS LAST')
      .addOrderBy('w.raised_at', 'DESC')
      .addOrderBy('w.id', 'ASC')
      .offset((page.page - 1) * page.pageSize)
      .limit(page.pageSize)
      .getMany();
    return { items: rows.map((row) => ({ state: row.state, version: row.version })), total };
  }

  async get(id: string): Promise<WhistleReadModel | null> {
    const row = await this.whistles.findOneBy({ id });
    return row === null ? null : { state: row.state, version: row.version };
  }

  /** The states of the county's whistles raised within [from, to) (instants), for the departments' assessment. */
  async raisedWithin(countyId: string, from: string, to: string): Promise<RaisedWhistle[]> {
    const rows = await this.whistles
      .createQueryBuilder('w')
      .select(['w.id', 'w.state'])
      .where('w.county_id = :countyId AND w.raised_at >= :from AND w.raised_at < :to', { countyId, from, to })
      .getMany();
    return rows.map((row) => row.state);
  }
}

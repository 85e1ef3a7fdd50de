import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository, SelectQueryBuilder } from 'typeorm';
import type { Commitments, Gap, HandoverMode, HandoverStatus } from '@fangquan/domain';
import { queryPrepared, statementFor } from '@fangquan/event-store';
import { HandoverView } from '../entities/handover-view.entity';
import { PowerItemView } from '../entities/power-item-view.entity';
import { codecOf, type ReadTableCodec } from '../read-table-codec';

/** A handover as the API shows it. */
export interface HandoverReadModel {
  id: string;
  countyId: string;
  powerCode: string;
  /** null only while the power item is unknown to the read side. */
  powerName: string | null;
  teamId: string;
  townshipId: string;
  townshipName: string | null;
  department: string;
  status: Exclude<HandoverStatus, 'none'>;
  mode: HandoverMode;
  instrument: string;
  effectiveOn: string;
  endsOn: string | null;
  committed: Commitments;
  /** Open handovers: as of today. Revoked: as it stood on the revocation date. */
  readiness: { ready: boolean; gaps: Gap[] };
  version: number;
  /** ISO-8601 instants. */
  recordedAt: string;
  updatedAt: string;
}

export interface HandoverScope {
  countyId: string;
  /** A township user sees its own township only. */
  townshipId?: string;
  /** A department user sees its own department's only. */
  department?: string;
}

export interface HandoverFilter {
  status?: Exclude<HandoverStatus, 'none'>;
  teamId?: string;
  ready?: boolean;
}

export interface PageRequest {
  /** From 1. */
  page: number;
  /** 1..200. */
  pageSize: number;
}

export interface HandoverPage {
  items: HandoverReadModel[];
  total: number;
}

export const MAX_PAGE_SIZE = 200;

/** A page the queries can serve: from 1, at most MAX_PAGE_SIZE rows (the API's DTOs refuse others first). */
export function assertPage(page: PageRequest): void {
  if (!Number.isInteger(page.page) || page.page < 1) throw new RangeError(`page must be a whole number from 1 (got ${page.page})`);
  if (!Number.isInteger(page.pageSize) || page.pageSize < 1 || page.pageSize > MAX_PAGE_SIZE) {
    throw new RangeError(`pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE} (got ${page.pageSize})`);
  }
}

export function toHandoverReadModel(row: HandoverView, powerName: string | null): HandoverReadModel {
  return {
    id: row.id,
    countyId: row.countyId,
    powerCode: row.powerCode,
    powerName,
    teamId: row.teamId,
    townshipId: row.townshipId,
    townshipName: row.townshipName,
    department: row.department,
    status: row.status,
    mode: row.mode,
    instrument: row.instrument,
    effectiveOn: row.effectiveOn,
    endsOn: row.endsOn,
    committed: row.committed,
    readiness: { ready: row.ready, gaps: row.gaps },
    version: row.version,
    recordedAt: row.recordedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** One handover with its power's name: the most frequent read, so written once instead of built per call. */
const GET_SQL = `SELECT to_jsonb(h) AS handover, p.name AS power_name
FROM handovers h LEFT JOIN power_items p ON p.county_id = h.county_id AND p.code = h.power_code
WHERE h.id = $1 AND ($2::text IS NULL OR h.county_id = $2::text)`;
const GET = statementFor('fangquan_get_handover', GET_SQL);

@Injectable()
export class HandoverQueries {
  private readonly codec: ReadTableCodec<HandoverView>;

  constructor(@InjectRepository(HandoverView) private readonly handovers: Repository<HandoverView>) {
    this.codec = codecOf<HandoverView>(handovers.metadata);
  }

  /** The handover, or null; with `countyId` a handover of another county is null as well. */
  async get(id: string, countyId?: string): Promise<HandoverReadModel | null> {
    const [found] = (await queryPrepared(this.handovers.manager, GET, [id, countyId ?? null])) as Array<{
      handover: Record<string, unknown>;
      power_name: string | null;
    }>;
    return found === undefined ? null : toHandoverReadModel(this.codec.fromRecord(found.handover), found.power_name);
  }

  /** One page of the scope's handovers, newest first (recorded_at desc, then id). */
  async list(scope: HandoverScope, filter: HandoverFilter, page: PageRequest): Promise<HandoverPage> {
    assertPage(page);
    const query = this.withPowerName().where('h.county_id = :countyId', { countyId: scope.countyId });
    if (scope.townshipId !== undefined) query.andWhere('h.township_id = :townshipId', { townshipId: scope.townshipId });
    if (scope.department !== undefined) query.andWhere('h.department = :department', { department: scope.department });
    if (filter.status !== undefined) query.andWhere('h.status = :status', { status: filter.status });
    if (filter.teamId !== undefined) query.andWhere('h.team_id = :teamId', { teamId: filter.teamId });
    if (filter.ready !== undefined) query.andWhere('h.ready = :ready', { ready: filter.ready });
    const total = await query.getCount();
    query
      .orderBy('h.recorded_at', 'DESC')
      .addOrderBy('h.id', 'ASC')
      .offset((page.page - 1) * page.pageSize)
      .limit(page.pageSize);
    return { items: await this.fetch(query), total };
  }

  /** Every handover of a team, oldest first; revoked ones only when asked for. */
  async listByTeam(teamId: string, options: { countyId?: string; includeRevoked?: boolean } = {}): Promise<HandoverReadModel[]> {
    const query = this.withPowerName().where('h.team_id = :teamId', { teamId });
    if (options.countyId !== undefined) query.andWhere('h.county_id = :countyId', { countyId: options.countyId });
    if (options.includeRevoked !== true) query.andWhere("h.status <> 'revoked'");
    return this.fetch(query.orderBy('h.recorded_at', 'ASC').addOrderBy('h.id', 'ASC'));
  }

  /** Every handover of a township's team in `statuses`, oldest first (the handed powers on its duty list). */
  async ofTownship(
    countyId: string,
    townshipId: string,
    statuses: readonly Exclude<HandoverStatus, 'none'>[],
  ): Promise<HandoverReadModel[]> {
    const query = this.withPowerName()
      .where('h.county_id = :countyId', { countyId })
      .andWhere('h.township_id = :townshipId', { townshipId })
      .andWhere('h.status IN (:...statuses)', { statuses });
    return this.fetch(query.orderBy('h.recorded_at', 'ASC').addOrderBy('h.id', 'ASC'));
  }

  /** Every handover that is not revoked (reminders run for these), by county then id; optionally one county's. */
  async openHandovers(options: { countyId?: string } = {}): Promise<HandoverReadModel[]> {
    const query = this.withPowerName().where("h.status <> 'revoked'");
    if (options.countyId !== undefined) query.andWhere('h.county_id = :countyId', { countyId: options.countyId });
    return this.fetch(query.orderBy('h.county_id', 'ASC').addOrderBy('h.id', 'ASC'));
  }

  private withPowerName(): SelectQueryBuilder<HandoverView> {
    return this.handovers
      .createQueryBuilder('h')
      .leftJoin(PowerItemView, 'p', 'p.county_id = h.county_id AND p.code = h.power_code')
      .addSelect('p.name', 'power_name');
  }

  private async fetch(query: SelectQueryBuilder<HandoverView>): Promise<HandoverReadModel[]> {
    const { entities, raw } = await query.getRawAndEntities<{ h_id: string; power_name: string | null }>();
    const names = new Map(raw.map((row) => [row.h_id, row.power_name]));
    return entities.map((row) => toHandoverReadModel(row, names.get(row.id) ?? null));
  }
}

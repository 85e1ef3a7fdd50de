import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { type DutyDomain, type DutyRecord, withoutAbsent } from '@fangquan/domain';
import { DutyView } from '../entities/duty-view.entity';
import { assertPage, type PageRequest } from './handover.queries';

/** A duty item as the API shows it: the catalogue's record and its stream version. */
export type DutyReadModel = DutyRecord & { version: number };

export interface DutyFilter {
  domain?: DutyDomain;
  /** Part of the name or of the code. */
  q?: string;
}

export function toDutyReadModel(row: DutyView): DutyReadModel {
  const { countyId, code, name, domain, defaultCategory, version } = row;
  const optional = withoutAbsent({
    description: row.description ?? undefined,
    legalBasis: row.legalBasis ?? undefined,
    leadDepartment: row.leadDepartment ?? undefined,
    powerCode: row.powerCode ?? undefined,
    contact: row.contact ?? undefined,
  });
  return { countyId, code, name, domain, defaultCategory, ...optional, version };
}

/** `%` and `_` of a search are themselves, not wildcards. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** The county's duty catalogue; every query is scoped by county. */
@Injectable()
export class DutyQueries {
  constructor(@InjectRepository(DutyView) private readonly duties: Repository<DutyView>) {}

  /** One page of the catalogue by code, filtered by domain and by a part of the name or code. */
  async list(countyId: string, filter: DutyFilter, page: PageRequest): Promise<{ items: DutyReadModel[]; total: number }> {
    assertPage(page);
    const query = this.duties.createQueryBuilder('d').where('d.county_id = :countyId', { countyId });
    if (filter.domain !== undefined) query.andWhere('d.domain = :domain', { domain: filter.domain });
    if (filter.q !== undefined && filter.q !== '') {
      query.andWhere("(d.name ILIKE :q ESCAPE '\\' OR d.code ILIKE :q ESCAPE '\\')", { q: `%${likeLiteral(filter.q)}%` });
    }
    const total = await query.getCount();
    const rows = await query
      .orderBy('d.code', 'ASC')
      .offset((page.page - 1) * page.pageSize)
      .limit(page.pageSize)
      .getMany();
    return { items: rows.map(toDutyReadModel), total };
  }

  async get(countyId: string, code: string): Promise<DutyReadModel | null> {
    const row = await this.duties.findOneBy({ countyId, code });
    return row === null ? null : toDutyReadModel(row);
  }

  /** The whole catalogue of the county, by code (compiling and resolving the townships' lists). */
  async all(countyId: string): Promise<DutyReadModel[]> {
    const rows = await this.duties.find({ where: { countyId }, order: { code: 'ASC' } });
    return rows.map(toDutyReadModel);
  }
}

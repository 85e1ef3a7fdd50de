import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { PowerCategory, Requirements } from '@fangquan/domain';
import { PowerItemView } from '../entities/power-item-view.entity';

/** A power item as the API shows it. */
export interface PowerItemReadModel {
  code: string;
  name: string;
  category: PowerCategory;
  legalBasis: string;
  department: string;
  requirements: Requirements;
  version: number;
}

export function toPowerItemReadModel(row: PowerItemView): PowerItemReadModel {
  const { code, name, category, legalBasis, department, requirements, version } = row;
  return { code, name, category, legalBasis, department, requirements, version };
}

/** The county catalogue; every query is scoped by county. */
@Injectable()
export class PowerQueries {
  constructor(@InjectRepository(PowerItemView) private readonly powers: Repository<PowerItemView>) {}

  /** The county's catalogue, by code. */
  async list(countyId: string): Promise<PowerItemReadModel[]> {
    const rows = await this.powers
      .createQueryBuilder('p')
      .where('p.county_id = :countyId', { countyId })
      .orderBy('p.code', 'ASC')
      .getMany();
    return rows.map(toPowerItemReadModel);
  }

  async get(countyId: string, code: string): Promise<PowerItemReadModel | null> {
    const row = await this.powers
      .createQueryBuilder('p')
      .where('p.county_id = :countyId', { countyId })
      .andWhere('p.code = :code', { code })
      .getOne();
    return row === null ? null : toPowerItemReadModel(row);
  }
}

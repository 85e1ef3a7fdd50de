import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type Repository } from 'typeorm';
import { County } from '@fangquan/identity';
import { Vocabularies } from '@fangquan/ledger';
import { CLOCK, type Clock } from '@fangquan/platform';
import { assertCountyAccess, countyFilterOf } from '../auth/access';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ProblemException } from '../http/problem';
import type { CountyDto } from './dto/county.dto';

function toDto(county: County): CountyDto {
  return { id: county.id, name: county.name };
}

@Injectable()
export class CountiesService {
  constructor(
    @InjectRepository(County) private readonly counties: Repository<County>,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly dataSource: DataSource,
    private readonly vocabularies: Vocabularies,
  ) {}

  /**
   * Creates a county with its vocabularies of equipment kinds and training courses (the defaults) in one
   * transaction: the county row and the vocabularies' first events commit together or not at all.
   */
  async create(name: string, by: { username: string; correlationId: string }): Promise<CountyDto> {
    const county: County = { id: randomUUID(), name, createdAt: this.clock.now() };
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(County, county);
      await this.vocabularies.establishDefaults({ username: by.username, countyId: county.id }, county.id, {
        correlationId: by.correlationId,
        transaction: manager,
      });
    });
    return toDto(county);
  }

  /** The system admin sees every county, everyone else their own. */
  async list(user: AuthenticatedUser): Promise<CountyDto[]> {
    const countyId = countyFilterOf(user);
    if (countyId === null && user.role !== 'admin') return [];
    const counties = await this.counties.find({
      where: countyId === null ? {} : { id: countyId },
      order: { name: 'ASC', createdAt: 'ASC' },
    });
    return counties.map(toDto);
  }

  /** 404 for an unknown county, then 403 for someone else's. */
  async get(user: AuthenticatedUser, countyId: string): Promise<CountyDto> {
    return toDto(await this.accessible(user, countyId));
  }

  async accessible(user: AuthenticatedUser, countyId: string): Promise<County> {
    const county = await this.counties.findOneBy({ id: countyId });
    if (!county) throw ProblemException.notFound(`No county ${countyId}`);
    assertCountyAccess(user, countyId);
    return county;
  }
}

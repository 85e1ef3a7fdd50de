import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type Repository } from 'typeorm';
import { EventStore } from '@fangquan/event-store';
import { teamStreamId } from '@fangquan/domain';
import { Township } from '@fangquan/identity';
import { CLOCK, type Clock } from '@fangquan/platform';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ProblemException } from '../http/problem';
import { CountiesService } from './counties.service';
import { isUniqueViolation } from './db-errors';
import type { TownshipDto } from './dto/township.dto';

export const TEAM_FORMED = 'TeamFormed';

function toDto(township: Township): TownshipDto {
  return { id: township.id, name: township.name, countyId: township.countyId, teamId: township.teamId };
}

@Injectable()
export class TownshipsService {
  constructor(
    @InjectRepository(Township) private readonly townships: Repository<Township>,
    private readonly counties: CountiesService,
    private readonly dataSource: DataSource,
    private readonly eventStore: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Creates a township and its enforcement team in one transaction: the township row and the team's
   * first event (`TeamFormed` on `team-${teamId}`) commit together or not at all.
   */
  async create(user: AuthenticatedUser, countyId: string, name: string, correlationId: string): Promise<TownshipDto> {
    await this.counties.accessible(user, countyId);
    if (await this.townships.existsBy({ countyId, name })) throw this.duplicate(name);
    const now = this.clock.now();
    const township: Township = { id: randomUUID(), countyId, name, teamId: randomUUID(), createdAt: now };
    try {
      await this.dataSource.transaction(async (manager) => {
        await manager.insert(Township, township);
        await this.eventStore.append(
          teamStreamId(township.teamId),
          'no-stream',
          [{ type: TEAM_FORMED, data: { teamId: township.teamId, countyId, townshipId: township.id, townshipName: name } }],
          { actor: user.username, countyId, correlationId, causationId: null, occurredAt: now.toISOString() },
          { transaction: manager },
        );
      });
    } catch (error) {
      if (isUniqueViolation(error, 'uq_townships_county_name')) throw this.duplicate(name);
      throw error;
    }
    return toDto(township);
  }

  async list(user: AuthenticatedUser, countyId: string): Promise<TownshipDto[]> {
    await this.counties.accessible(user, countyId);
    const townships = await this.townships.find({ where: { countyId }, order: { name: 'ASC' } });
    return townships.map(toDto);
  }

  private duplicate(name: string): ProblemException {
    return ProblemException.conflict(`The county already has a township named "${name}"`, 'duplicate-township');
  }
}

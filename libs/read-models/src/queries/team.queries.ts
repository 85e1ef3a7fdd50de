import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { EquipmentLine, Officer, TrainingRecord } from '@fangquan/domain';
import { TeamView } from '../entities/team-view.entity';

/** A team's capacity as it is, as the API shows it. */
export interface TeamReadModel {
  id: string;
  countyId: string;
  townshipId: string;
  townshipName: string;
  officers: Officer[];
  equipment: EquipmentLine[];
  training: TrainingRecord[];
  version: number;
}

export function toTeamReadModel(row: TeamView): TeamReadModel {
  const { teamId, countyId, townshipId, townshipName, officers, equipment, training, version } = row;
  return { id: teamId, countyId, townshipId, townshipName, officers, equipment, training, version };
}

@Injectable()
export class TeamQueries {
  constructor(@InjectRepository(TeamView) private readonly teams: Repository<TeamView>) {}

  /** The team, or null; with `countyId` a team of another county is null as well. */
  async get(teamId: string, countyId?: string): Promise<TeamReadModel | null> {
    const query = this.teams.createQueryBuilder('t').where('t.team_id = :teamId', { teamId });
    if (countyId !== undefined) query.andWhere('t.county_id = :countyId', { countyId });
    const row = await query.getOne();
    return row === null ? null : toTeamReadModel(row);
  }

  /** Every team of the county, by township name. */
  async ofCounty(countyId: string): Promise<TeamReadModel[]> {
    const rows = await this.teams
      .createQueryBuilder('t')
      .where('t.county_id = :countyId', { countyId })
      .orderBy('t.township_name', 'ASC')
      .getMany();
    return rows.map(toTeamReadModel);
  }
}

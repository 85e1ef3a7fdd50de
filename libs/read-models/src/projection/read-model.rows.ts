import type { EntityManager } from 'typeorm';
import { HandoverView } from '../entities/handover-view.entity';
import { PowerItemView } from '../entities/power-item-view.entity';
import { TeamView } from '../entities/team-view.entity';

/** Reads and writes of single read rows, always inside the batch's transaction. */
export class ReadModelRows {
  constructor(private readonly tx: EntityManager) {}

  power(countyId: string, code: string): Promise<PowerItemView | null> {
    return this.tx.findOneBy(PowerItemView, { countyId, code });
  }

  team(teamId: string): Promise<TeamView | null> {
    return this.tx.findOneBy(TeamView, { teamId });
  }

  handover(id: string): Promise<HandoverView | null> {
    return this.tx.findOneBy(HandoverView, { id });
  }

  async savePower(row: PowerItemView, existed: boolean): Promise<void> {
    if (existed) await this.tx.update(PowerItemView, { countyId: row.countyId, code: row.code }, row);
    else await this.tx.insert(PowerItemView, row);
  }

  async saveTeam(row: TeamView, existed: boolean): Promise<void> {
    if (existed) await this.tx.update(TeamView, { teamId: row.teamId }, row);
    else await this.tx.insert(TeamView, row);
  }

  async saveHandover(row: HandoverView, existed: boolean): Promise<void> {
    if (existed) await this.tx.update(HandoverView, { id: row.id }, row);
    else await this.tx.insert(HandoverView, row);
  }
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { DutyListChanges, ListedDuty } from '@fangquan/domain';
import { DutyListPublicationView } from '../entities/duty-list-publication-view.entity';

/** A published version of a township's list, frozen as it was published. */
export interface DutyListPublicationReadModel {
  townshipId: string;
  countyId: string;
  version: number;
  /** ISO-8601 instant. */
  publishedAt: string;
  decisionRef: string;
  note: string | null;
  items: ListedDuty[];
  changes: DutyListChanges;
}

function toReadModel(row: DutyListPublicationView): DutyListPublicationReadModel {
  const { townshipId, countyId, version, decisionRef, note, items, changes } = row;
  return { townshipId, countyId, version, publishedAt: row.publishedAt.toISOString(), decisionRef, note, items, changes };
}

/** The published versions of the townships' duty lists (drafts are never here). */
@Injectable()
export class DutyListQueries {
  constructor(@InjectRepository(DutyListPublicationView) private readonly rows: Repository<DutyListPublicationView>) {}

  /** The latest published version of the township's list, or null when none is published. */
  async latestPublication(townshipId: string): Promise<DutyListPublicationReadModel | null> {
    const row = await this.rows.findOne({ where: { townshipId }, order: { version: 'DESC' } });
    return row === null ? null : toReadModel(row);
  }

  /** Every published version of the township's list, oldest first. */
  async publications(townshipId: string): Promise<DutyListPublicationReadModel[]> {
    const rows = await this.rows.find({ where: { townshipId }, order: { version: 'ASC' } });
    return rows.map(toReadModel);
  }
}

import { Injectable } from '@nestjs/common';
import { DutyListQueries } from '@fangquan/read-models';
import { PublishedDutyLists, type PublishedDutyList } from './published-duty-lists';

/** The published versions as the read side keeps them (`duty_list_publications`); drafts are never there. */
@Injectable()
export class ReadModelPublishedDutyLists extends PublishedDutyLists {
  constructor(private readonly queries: DutyListQueries) {
    super();
  }

  async latest(townshipId: string): Promise<PublishedDutyList | undefined> {
    const publication = await this.queries.latestPublication(townshipId);
    if (publication === null) return undefined;
    const { version, publishedAt, decisionRef, items } = publication;
    return { version, publishedAt, decisionRef, items };
  }
}

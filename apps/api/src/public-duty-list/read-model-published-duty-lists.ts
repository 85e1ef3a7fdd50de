import { Injectable } from '@nestjs/common';
import { PublishedDutyLists, type PublishedDutyList } from './published-duty-lists';

/** The published versions as the read side keeps them. */
@Injectable()
export class ReadModelPublishedDutyLists extends PublishedDutyLists {
  latest(_townshipId: string): Promise<PublishedDutyList | undefined> {
    return Promise.resolve(undefined);
  }
}

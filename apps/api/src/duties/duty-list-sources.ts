import { Injectable } from '@nestjs/common';
import { activeHandoverPowers, handoverDutyItems, type HandoverOfTownship, type ListedDuty } from '@fangquan/domain';
import { UserDirectory } from '@fangquan/identity';
import { type DutyListSources, TaskAdmissions, type TownshipRef } from '@fangquan/ledger';
import { DutyQueries, HandoverQueries } from '@fangquan/read-models';
import { assertTownshipAccess } from '../auth/access';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ProblemException } from '../http/problem';

/**
 * What a township's list is resolved with, read from the read side: the county's catalogue and the
 * items derived for the township — its handed powers (active: basic, revoked: returned) and its
 * admitted tasks — computed here, never typed into the list.
 */
@Injectable()
export class DutyListSourcesReader {
  constructor(
    private readonly directory: UserDirectory,
    private readonly duties: DutyQueries,
    private readonly handovers: HandoverQueries,
    private readonly admissions: TaskAdmissions,
  ) {}

  /** The township the caller may read: 404 when there is none, 403 for another county's or (a township user) another township's. */
  async township(user: AuthenticatedUser, townshipId: string): Promise<TownshipRef> {
    const township = await this.directory.findTownship(townshipId);
    if (township === null) throw ProblemException.notFound(`No township ${townshipId}`);
    assertTownshipAccess(user, { countyId: township.countyId, townshipId: township.id });
    return { id: township.id, countyId: township.countyId };
  }

  async sources(township: TownshipRef): Promise<DutyListSources> {
    const [catalogue, handovers, admitted] = await Promise.all([
      this.duties.all(township.countyId),
      this.handovers.ofTownship(township.countyId, township.id, ['active', 'revoked']),
      this.admissions.listItemsOf(township.countyId, township.id),
    ]);
    const handed: HandoverOfTownship[] = handovers.map((handover) => ({
      id: handover.id,
      powerCode: handover.powerCode,
      powerName: handover.powerName ?? handover.powerCode,
      department: handover.department,
      status: handover.status,
    }));
    return {
      duties: new Map(catalogue.map(({ version: _version, ...duty }) => [duty.code, duty])),
      derived: derivedItems(handoverDutyItems(handed), admitted),
      activeHandoverPowers: activeHandoverPowers(handed),
    };
  }
}

/** Every item the ledger derives for a township's list: from its handovers, and from the tasks admitted for it (source `admission`). */
export function derivedItems(fromHandovers: readonly ListedDuty[], fromAdmissions: readonly ListedDuty[]): ListedDuty[] {
  return [...fromHandovers, ...fromAdmissions];
}

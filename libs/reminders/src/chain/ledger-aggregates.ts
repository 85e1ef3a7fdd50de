import { Injectable } from '@nestjs/common';
import type { HandoverState, PowerItemState, TeamState } from '@fangquan/domain';
import { EventStore, type LoadedAggregate, type StreamRead } from '@fangquan/event-store';
import { Handovers, PowerItems, Teams } from '@fangquan/ledger';
import type { EntityManager } from 'typeorm';

/**
 * The aggregates as the reminders read them: inside the caller's transaction when one is given,
 * through the ledger's own stores (same deciders, stream ids and snapshot schemas).
 */
@Injectable()
export class LedgerAggregates {
  constructor(
    private readonly eventStore: EventStore,
    private readonly handovers: Handovers,
    private readonly teams: Teams,
    private readonly powers: PowerItems,
  ) {}

  handover(handoverId: string, tx?: EntityManager): Promise<LoadedAggregate<HandoverState>> {
    return this.handovers.load(handoverId, tx === undefined ? {} : { transaction: tx });
  }

  team(teamId: string, tx?: EntityManager): Promise<LoadedAggregate<TeamState>> {
    return this.teams.load(teamId, tx === undefined ? {} : { transaction: tx });
  }

  /** Teams and powers together, in ONE round trip inside the caller's transaction: by team id, and by powerKey. */
  async teamsAndPowers(
    teamIds: readonly string[],
    powers: readonly { countyId: string; code: string }[],
    tx: EntityManager,
  ): Promise<{ teams: Map<string, TeamState>; powers: Map<string, PowerItemState> }> {
    const teams = teamIds.map((id) => ({ id, request: this.teams.loadRequest(id) }));
    const items = powers.map((power) => ({
      key: powerKey(power.countyId, power.code),
      request: this.powers.loadRequest(power.countyId, power.code),
    }));
    if (teams.length + items.length === 0) return { teams: new Map(), powers: new Map() };
    const reads = await this.eventStore.readStreamsAfterSnapshots(
      [...teams, ...items].map((entry) => entry.request),
      { transaction: tx },
    );
    const readAt = (index: number): StreamRead => {
      const read = reads[index];
      if (read === undefined) throw new Error(`no read for stream ${index} of ${reads.length}`);
      return read;
    };
    // Inside a transaction no state is kept for later loads (it may yet roll back).
    return {
      teams: new Map(teams.map(({ id, request }, index) => [id, request.complete(readAt(index), false).state])),
      powers: new Map(items.map(({ key, request }, index) => [key, request.complete(readAt(teams.length + index), false).state])),
    };
  }
}

/** The key of a power item in teamsAndPowers' answer. */
export function powerKey(countyId: string, code: string): string {
  return JSON.stringify([countyId, code]);
}

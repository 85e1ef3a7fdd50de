import { Injectable } from '@nestjs/common';
import {
  type DecisionContext,
  type DomainError,
  type HandoverCommand,
  handoverDecider,
  type HandoverEvent,
  type HandoverState,
  handoverStreamId,
  type PowerItemCommand,
  powerItemDecider,
  type PowerItemEvent,
  type PowerItemState,
  powerStreamId,
  type TeamCommand,
  teamDecider,
  type TeamEvent,
  type TeamState,
  teamStreamId,
} from '@fangquan/domain';
import { AggregateStore, EventStore, type LoadedAggregate, type StreamRead } from '@fangquan/event-store';
import type { EntityManager } from 'typeorm';

/**
 * The aggregates as the reminders read (and, for ReminderSent, write) them: inside the caller's
 * transaction, which the ledger's services do not offer. Same deciders, stream ids and snapshot
 * schemas as @fangquan/ledger, so both see the same states.
 */
@Injectable()
export class LedgerAggregates {
  readonly handovers: AggregateStore<HandoverCommand, HandoverEvent, HandoverState, DecisionContext, DomainError>;
  private readonly teams: AggregateStore<TeamCommand, TeamEvent, TeamState, DecisionContext, DomainError>;
  private readonly powers: AggregateStore<PowerItemCommand, PowerItemEvent, PowerItemState, DecisionContext, DomainError>;

  constructor(private readonly eventStore: EventStore) {
    this.handovers = new AggregateStore(eventStore, handoverDecider, { snapshot: { schema: 'handover-state-v1', every: 50 } });
    this.teams = new AggregateStore(eventStore, teamDecider, { snapshot: { schema: 'team-state-v1', every: 50 } });
    this.powers = new AggregateStore(eventStore, powerItemDecider, { snapshot: { schema: 'power-item-state-v1', every: 50 } });
  }

  handover(handoverId: string, tx?: EntityManager): Promise<LoadedAggregate<HandoverState>> {
    return this.handovers.load(handoverStreamId(handoverId), tx === undefined ? {} : { transaction: tx });
  }

  team(teamId: string, tx?: EntityManager): Promise<LoadedAggregate<TeamState>> {
    return this.teams.load(teamStreamId(teamId), tx === undefined ? {} : { transaction: tx });
  }

  /** Teams and powers together, in ONE round trip inside the caller's transaction: by team id, and by powerKey. */
  async teamsAndPowers(
    teamIds: readonly string[],
    powers: readonly { countyId: string; code: string }[],
    tx: EntityManager,
  ): Promise<{ teams: Map<string, TeamState>; powers: Map<string, PowerItemState> }> {
    const teams = teamIds.map((id) => ({ id, request: this.teams.loadRequest(teamStreamId(id)) }));
    const items = powers.map((power) => ({
      key: powerKey(power.countyId, power.code),
      request: this.powers.loadRequest(powerStreamId(power.countyId, power.code)),
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

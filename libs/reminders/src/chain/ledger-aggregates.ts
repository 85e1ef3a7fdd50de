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
import { AggregateStore, EventStore, type LoadedAggregate } from '@fangquan/event-store';
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

  constructor(eventStore: EventStore) {
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

  power(countyId: string, code: string, tx?: EntityManager): Promise<LoadedAggregate<PowerItemState>> {
    return this.powers.load(powerStreamId(countyId, code), tx === undefined ? {} : { transaction: tx });
  }
}

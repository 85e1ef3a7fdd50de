import { Injectable } from '@nestjs/common';
import {
  type CatalogueDutyRef,
  type DecisionContext,
  type DomainError,
  type DutyListCommand,
  dutyListDecider,
  type DutyListEvent,
  type DutyListState,
  type DutyRecord,
  type ListedDuty,
  parseDutyListCommand,
  parsingFirst,
  resolveDutyList,
  type SetDutyListItem,
  withoutAbsent,
} from '@fangquan/domain';
import { AggregateStore, EventStore, type InTransaction } from '@fangquan/event-store';
import { accessRefusal } from './access';
import { Duties } from './duties.service';
import { LedgerContext } from './ledger-context';
import { type CommandOptions, type LedgerActor, type LedgerResult, type Loaded, refused } from './ledger.types';
import { runCommand } from './run-command';
import { dutyListStreamId } from './stream-ids';

/** The township a list belongs to. */
export interface TownshipRef {
  readonly id: string;
  readonly countyId: string;
}

/**
 * What a list is resolved with, read by the caller: the catalogue's duties by code, and the items the
 * ledger derives for the township (its handed powers, its admitted tasks) with the powers its active
 * handovers hold.
 */
export interface DutyListSources {
  readonly duties: ReadonlyMap<string, DutyRecord>;
  readonly derived: readonly ListedDuty[];
  readonly activeHandoverPowers: readonly string[];
}

export type DutyListItemInput = Pick<SetDutyListItem['data'], 'dutyCode' | 'category' | 'cooperation' | 'leadDepartment'>;

const WORDING = { what: 'duty list', townshipOnly: "Only the township's own list" };

/** Each township's duty list (一乡一单): one stream per township; the county office writes it. */
@Injectable()
export class DutyLists {
  private readonly aggregates: AggregateStore<DutyListCommand, DutyListEvent, DutyListState, DecisionContext, DomainError>;

  constructor(
    eventStore: EventStore,
    private readonly context: LedgerContext,
    private readonly duties: Duties,
  ) {
    this.aggregates = new AggregateStore(eventStore, parsingFirst(dutyListDecider, parseDutyListCommand), { stateCache: 500 });
  }

  load(townshipId: string): Promise<Loaded<DutyListState>> {
    return this.aggregates.load(dutyListStreamId(townshipId));
  }

  /** The draft as it stands, resolved with the catalogue and the derived items. */
  static resolve(state: DutyListState, sources: DutyListSources): ListedDuty[] {
    return resolveDutyList(Object.values(state.entries), sources.duties, sources.derived);
  }

  /**
   * Sets an item's category; its duty is read from the catalogue (404 when not there). Inside the
   * caller's `transaction` when one is given (an approved recall returns a duty with its decision).
   */
  async setItem(
    actor: LedgerActor,
    township: TownshipRef,
    input: DutyListItemInput,
    activeHandoverPowers: readonly string[],
    options: CommandOptions & InTransaction,
  ): Promise<LedgerResult<DutyListState>> {
    const denied = accessRefusal(actor, { countyId: township.countyId, townshipId: township.id }, WORDING);
    if (denied !== null) return refused(denied);
    const loaded = typeof input.dutyCode === 'string' ? await this.duties.load(township.countyId, input.dutyCode) : null;
    const duty = loaded === null || loaded.state.status === 'none' ? null : catalogueRef(loaded.state);
    return this.run(actor, township, { type: 'SetDutyListItem', data: { ...input, duty, activeHandoverPowers } }, options);
  }

  async removeItem(
    actor: LedgerActor,
    township: TownshipRef,
    dutyCode: string,
    options: CommandOptions,
  ): Promise<LedgerResult<DutyListState>> {
    const denied = accessRefusal(actor, { countyId: township.countyId, townshipId: township.id }, WORDING);
    if (denied !== null) return refused(denied);
    return this.run(actor, township, { type: 'RemoveDutyListItem', data: { dutyCode } }, options);
  }

  /** Adds every catalogue item missing from the draft with its default category. */
  async compile(
    actor: LedgerActor,
    township: TownshipRef,
    catalogue: readonly DutyRecord[],
    activeHandoverPowers: readonly string[],
    options: CommandOptions,
  ): Promise<LedgerResult<DutyListState>> {
    const denied = accessRefusal(actor, { countyId: township.countyId, townshipId: township.id }, WORDING);
    if (denied !== null) return refused(denied);
    return this.run(
      actor,
      township,
      { type: 'CompileDutyList', data: { catalogue: catalogue.map(catalogueRef), activeHandoverPowers } },
      options,
    );
  }

  /**
   * Publishes the list as it stands as the next version. The items are resolved from the draft as
   * loaded, and the append expects that very version: a draft changed meanwhile is a version conflict.
   */
  async publish(
    actor: LedgerActor,
    township: TownshipRef,
    input: { decisionRef: string; note?: string },
    sources: DutyListSources,
    options: CommandOptions,
  ): Promise<LedgerResult<DutyListState>> {
    const denied = accessRefusal(actor, { countyId: township.countyId, townshipId: township.id }, WORDING);
    if (denied !== null) return refused(denied);
    const loaded = await this.load(township.id);
    const items = DutyLists.resolve(loaded.state, sources);
    return this.run(
      actor,
      township,
      { type: 'PublishDutyList', data: { countyId: township.countyId, townshipId: township.id, ...input, items } },
      { ...options, expectedVersion: options.expectedVersion ?? loaded.version },
    );
  }

  private run(
    actor: LedgerActor,
    township: TownshipRef,
    command: DutyListCommand,
    options: CommandOptions & InTransaction,
  ): Promise<LedgerResult<DutyListState>> {
    const ctx = this.context.forCommand(actor, options);
    return runCommand(
      () =>
        this.aggregates.handle(dutyListStreamId(township.id), command, ctx.decision, ctx.metadata(township.countyId), {
          expectedVersion: options.expectedVersion,
          transaction: options.transaction,
        }),
      (state) => state,
    );
  }
}

function catalogueRef(duty: DutyRecord): CatalogueDutyRef {
  const { code, defaultCategory, powerCode, leadDepartment, description } = duty;
  return { code, defaultCategory, ...withoutAbsent({ powerCode, leadDepartment, description }) };
}

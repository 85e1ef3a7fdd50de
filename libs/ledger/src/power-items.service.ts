import { Injectable } from '@nestjs/common';
import {
  type DecisionContext,
  type DomainError,
  notFound,
  type PowerCategory,
  type PowerItemCommand,
  powerItemDecider,
  type PowerItemEvent,
  type PowerItemState,
  type RegisteredPowerItem,
  type Requirements,
  linesReferences,
} from '@fangquan/domain';
import { type AggregateLoadRequest, AggregateStore, EventStore, type LoadRequestOptions } from '@fangquan/event-store';
import { LedgerContext } from './ledger-context';
import { type CommandOptions, forbidden, type LedgerActor, type LedgerResult, type Loaded, refused } from './ledger.types';
import { existing, runCommand } from './run-command';
import { powerStreamId } from './stream-ids';
import { Vocabularies } from './vocabularies.service';

export interface RegisterPowerInput {
  readonly code: string;
  readonly name: string;
  readonly category: PowerCategory;
  readonly legalBasis: string;
  readonly department: string;
  readonly requirements: Requirements;
}

/** The county catalogue: one power item stream per county and code. */
@Injectable()
export class PowerItems {
  private readonly aggregates: AggregateStore<PowerItemCommand, PowerItemEvent, PowerItemState, DecisionContext, DomainError>;

  constructor(
    eventStore: EventStore,
    private readonly context: LedgerContext,
    private readonly vocabularies: Vocabularies,
  ) {
    // Every handover command reads its power: keep recent ones (see Handovers).
    this.aggregates = new AggregateStore(eventStore, powerItemDecider, {
      snapshot: { schema: 'power-item-state-v1', every: 50 },
      stateCache: 2000,
    });
  }

  load(countyId: string, code: string): Promise<Loaded<PowerItemState>> {
    return this.aggregates.load(powerStreamId(countyId, code));
  }

  /** The power item, to load together with other aggregates (`loadAggregates`); `fromCache` may answer with a kept state. */
  loadRequest(countyId: string, code: string, options: LoadRequestOptions = {}): AggregateLoadRequest<PowerItemState> {
    return this.aggregates.loadRequest(powerStreamId(countyId, code), options);
  }

  /** Registers a power in the actor's county; a code already in the catalogue is refused (409). */
  async register(actor: LedgerActor, input: RegisterPowerInput, options: CommandOptions): Promise<LedgerResult<RegisteredPowerItem>> {
    const countyId = actor.countyId;
    if (countyId === null) return refused(forbidden('A power is registered within a county; the actor belongs to none'));
    const unknownTerms = await this.vocabularies.refusalOf(countyId, linesReferences('requirements', input.requirements));
    if (unknownTerms !== undefined) return unknownTerms;
    const ctx = this.context.forCommand(actor, options);
    return runCommand(
      () =>
        this.aggregates.handle(
          powerStreamId(countyId, input.code),
          { type: 'RegisterPowerItem', data: { countyId, ...input } },
          ctx.decision,
          ctx.metadata(countyId),
          { expectedVersion: options.expectedVersion },
        ),
      existing<PowerItemState>('power item'),
    );
  }

  /** Revises the requirements of a power of the actor's county; unchanged requirements write nothing. */
  async reviseRequirements(
    actor: LedgerActor,
    code: string,
    requirements: Requirements,
    options: CommandOptions,
  ): Promise<LedgerResult<RegisteredPowerItem>> {
    const countyId = actor.countyId;
    if (countyId === null) return refused(forbidden('A power belongs to a county; the actor belongs to none'));
    const unknownTerms = await this.vocabularies.refusalOf(countyId, linesReferences('requirements', requirements));
    if (unknownTerms !== undefined) return unknownTerms;
    const ctx = this.context.forCommand(actor, options);
    const result = await runCommand(
      () =>
        this.aggregates.handle(
          powerStreamId(countyId, code),
          { type: 'RevisePowerRequirements', data: { requirements } },
          ctx.decision,
          ctx.metadata(countyId),
          { expectedVersion: options.expectedVersion },
        ),
      existing<PowerItemState>('power item'),
    );
    if (!result.ok && result.error.kind === 'not-found')
      return refused(notFound(`Power ${code} is not in the county's catalogue`), result.version);
    return result;
  }
}

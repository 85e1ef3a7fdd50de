import { Injectable } from '@nestjs/common';
import {
  type DecisionContext,
  type DomainError,
  notFound,
  type PowerCategory,
  type PowerItemCommand,
  powerItemDecider,
  parsePowerItemCommand,
  parsingFirst,
  type PowerItemEvent,
  type PowerItemState,
  type RegisteredPowerItem,
  type Requirements,
  linesReferences,
  invalid,
  refuse,
  type FieldError,
} from '@fangquan/domain';
import { type AggregateLoadRequest, AggregateStore, EventStore, loadAggregates, type LoadRequestOptions } from '@fangquan/event-store';
import { type DecidedRow, type ImportOptions, type ImportReport, type ImportRow, writeImport } from './catalogue-import';
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

/** The fields of a power that only its registration sets; an import that changes one is refused (revise them by hand). */
const REGISTERED_FIELDS = ['name', 'category', 'legalBasis', 'department'] as const;

/** Command field paths → the import sheet's columns: `requirements.equipment[0].kind` → `equipment`. */
function powerColumnOf(path: string): string {
  return path.replace(/^requirements\./, '').split(/[.[]/)[0] ?? path;
}

const decider = parsingFirst(powerItemDecider, parsePowerItemCommand);

/** The county catalogue: one power item stream per county and code. */
@Injectable()
export class PowerItems {
  private readonly aggregates: AggregateStore<PowerItemCommand, PowerItemEvent, PowerItemState, DecisionContext, DomainError>;

  constructor(
    private readonly eventStore: EventStore,
    private readonly context: LedgerContext,
    private readonly vocabularies: Vocabularies,
  ) {
    // Every handover command reads its power: keep recent ones (see Handovers).
    this.aggregates = new AggregateStore(eventStore, decider, {
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

  /**
   * Imports rows of a catalogue sheet into the actor's county, all or none: a new code is registered,
   * a known one gets its requirements revised (unchanged requirements write nothing). Every row is
   * decided before anything is written; any refused row (a kind or course not in the county's
   * vocabularies, fewer than two officers for a penalty, a name or category that differs from the
   * registered one) refuses the import, each named `rows[N].<column>`.
   */
  async importCatalogue(
    actor: LedgerActor,
    rows: readonly ImportRow<RegisterPowerInput>[],
    options: CommandOptions & ImportOptions,
  ): Promise<LedgerResult<ImportReport>> {
    const countyId = actor.countyId;
    if (countyId === null) return refused(forbidden('A power is registered within a county; the actor belongs to none'));
    const references = rows.flatMap((row) =>
      linesReferences('requirements', row.input.requirements).map((reference) => ({
        ...reference,
        field: `rows[${row.rowNumber}].${powerColumnOf(reference.field)}`,
      })),
    );
    const unknownTerms = await this.vocabularies.unknownTerms(countyId, references);
    const streamIds = rows.map((row) => powerStreamId(countyId, row.input.code));
    const loaded = await loadAggregates(
      this.eventStore,
      streamIds.map((streamId) => this.aggregates.loadRequest(streamId)),
    );
    const ctx = this.context.forCommand(actor, options);
    const decided = rows.map((row, index): DecidedRow<PowerItemEvent> => {
      const current = loaded[index] as Loaded<PowerItemState>;
      const state = current.state;
      const decision =
        state.status === 'none'
          ? decider.decide({ type: 'RegisterPowerItem', data: { countyId, ...row.input } }, state, ctx.decision)
          : differingFields(state, row.input).length > 0
            ? refuse<PowerItemEvent>(invalid(differingFields(state, row.input)))
            : decider.decide({ type: 'RevisePowerRequirements', data: { requirements: row.input.requirements } }, state, ctx.decision);
      return { rowNumber: row.rowNumber, streamId: streamIds[index] as string, loaded: current, decision };
    });
    return writeImport(this.eventStore, decided, ctx.metadata(countyId), powerColumnOf, {
      ...options,
      rowErrors: [...(options.rowErrors ?? []), ...unknownTerms],
    });
  }
}

/** The registered fields a row would change: an import revises requirements only. */
function differingFields(state: RegisteredPowerItem, input: RegisterPowerInput): FieldError[] {
  return REGISTERED_FIELDS.filter((field) => state[field] !== input[field].trim()).map((field) => ({
    field,
    message: `differs from the catalogue ('${state[field]}'); an import revises only the requirements of a registered power`,
    code: 'differs-from-catalogue',
  }));
}

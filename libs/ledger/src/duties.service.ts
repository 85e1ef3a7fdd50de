import { Injectable } from '@nestjs/common';
import {
  type DecisionContext,
  type DomainError,
  type DutyCommand,
  dutyDecider,
  type DutyEvent,
  type DutyFields,
  type DutyState,
  invalid,
  notFound,
  parseDutyCommand,
  parsingFirst,
  type RegisteredDuty,
} from '@fangquan/domain';
import { type AggregateLoadRequest, AggregateStore, EventStore, type LoadRequestOptions } from '@fangquan/event-store';
import { LedgerContext } from './ledger-context';
import { type CommandOptions, forbidden, type LedgerActor, type LedgerResult, type Loaded, type Refused, refused } from './ledger.types';
import { PowerItems } from './power-items.service';
import { existing, runCommand } from './run-command';
import { dutyStreamId } from './stream-ids';

/** The county's duty catalogue (职责目录): one duty item stream per county and code. */
@Injectable()
export class Duties {
  private readonly aggregates: AggregateStore<DutyCommand, DutyEvent, DutyState, DecisionContext, DomainError>;

  constructor(
    eventStore: EventStore,
    private readonly context: LedgerContext,
    private readonly powers: PowerItems,
  ) {
    this.aggregates = new AggregateStore(eventStore, parsingFirst(dutyDecider, parseDutyCommand), { stateCache: 2000 });
  }

  load(countyId: string, code: string): Promise<Loaded<DutyState>> {
    return this.aggregates.load(dutyStreamId(countyId, code));
  }

  loadRequest(countyId: string, code: string, options: LoadRequestOptions = {}): AggregateLoadRequest<DutyState> {
    return this.aggregates.loadRequest(dutyStreamId(countyId, code), options);
  }

  /** Registers a duty item in the actor's county; a code already there is refused (409), a power code not in the catalogue is 400 naming `powerCode`. */
  async register(actor: LedgerActor, input: { code: string } & DutyFields, options: CommandOptions): Promise<LedgerResult<RegisteredDuty>> {
    const countyId = actor.countyId;
    if (countyId === null) return refused(forbidden('A duty item is registered within a county; the actor belongs to none'));
    const unknownPower = await this.unknownPower(countyId, input.powerCode);
    if (unknownPower !== undefined) return unknownPower;
    const ctx = this.context.forCommand(actor, options);
    return runCommand(
      () =>
        this.aggregates.handle(
          dutyStreamId(countyId, input.code),
          { type: 'RegisterDuty', data: { countyId, ...input } },
          ctx.decision,
          ctx.metadata(countyId),
          { expectedVersion: options.expectedVersion },
        ),
      existing<DutyState>('duty item'),
    );
  }

  /** Revises a duty item of the actor's county; a revision that changes nothing writes nothing. */
  async revise(actor: LedgerActor, code: string, fields: DutyFields, options: CommandOptions): Promise<LedgerResult<RegisteredDuty>> {
    const countyId = actor.countyId;
    if (countyId === null) return refused(forbidden('A duty item belongs to a county; the actor belongs to none'));
    const unknownPower = await this.unknownPower(countyId, fields.powerCode);
    if (unknownPower !== undefined) return unknownPower;
    const ctx = this.context.forCommand(actor, options);
    const result = await runCommand(
      () =>
        this.aggregates.handle(dutyStreamId(countyId, code), { type: 'ReviseDuty', data: fields }, ctx.decision, ctx.metadata(countyId), {
          expectedVersion: options.expectedVersion,
        }),
      existing<DutyState>('duty item'),
    );
    if (!result.ok && result.error.kind === 'not-found')
      return refused(notFound(`Duty item ${code} is not in the county's catalogue`), result.version);
    return result;
  }

  /** A refusal naming `powerCode` when it is given and not a power of the county's catalogue. */
  private async unknownPower(countyId: string, powerCode: unknown): Promise<Refused | undefined> {
    if (typeof powerCode !== 'string' || powerCode.trim() === '') return undefined;
    const power = await this.powers.load(countyId, powerCode.trim());
    if (power.state.status !== 'none') return undefined;
    return refused(invalid([{ field: 'powerCode', message: `${powerCode.trim()} is not in the county's power catalogue` }]));
  }
}

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  assessReadiness,
  type Commitments,
  type CommittedOfficer,
  type CommittedTraining,
  type DecisionContext,
  type DomainError,
  type EquipmentLine,
  type Gap,
  type HandoverCommand,
  handoverDecider,
  HANDOVER_RECORD_ONLY_EVENTS,
  parseHandoverCommand,
  parsingFirst,
  type HandoverEvent,
  type HandoverMode,
  type HandoverState,
  notFound,
  type PowerItemState,
  type RecordedHandover,
  type RevocationByRecall,
  type ReminderKind,
  teamCapacity,
  type TeamState,
  linesReferences,
} from '@fangquan/domain';
import {
  type AggregateLoadRequest,
  AggregateStore,
  EventStore,
  type InTransaction,
  loadAggregates,
  readsOf,
  type StreamAt,
} from '@fangquan/event-store';
import { accessRefusal, type AccessWording } from './access';
import { type HistoryEntry, streamHistory } from './history';
import { LedgerContext } from './ledger-context';
import { type CommandOptions, forbidden, type LedgerActor, type LedgerResult, type Loaded, refused } from './ledger.types';
import { PowerItems } from './power-items.service';
import { existing, retryOnStaleRead, runCommand } from './run-command';
import { handoverStreamId } from './stream-ids';
import { Teams } from './teams.service';
import { Vocabularies } from './vocabularies.service';

/** Commitments as a caller sends them: every list optional. */
export interface CommitmentsInput {
  readonly officers?: readonly CommittedOfficer[];
  readonly equipment?: readonly EquipmentLine[];
  readonly training?: readonly CommittedTraining[];
  readonly budgetYuan?: number;
}

export interface RecordHandoverInput {
  readonly powerCode: string;
  readonly teamId: string;
  readonly mode: HandoverMode;
  readonly instrument: string;
  readonly effectiveOn: string;
  readonly endsOn?: string;
  readonly committed?: CommitmentsInput;
  /** The department handing the power over (county actors only); the power's source department when absent. */
  readonly department?: string;
}

export interface AcceptInput {
  readonly conditional?: boolean;
  readonly reason?: string;
}

/** The cases (办件量) of one month, as a caller sends them. */
export interface UsageInput {
  readonly month: string;
  readonly cases: number;
}

/** The dates of a handover's stream a usage figure is decided on, in the county's calendar. */
export interface HandoverDates {
  readonly recordedOn: string;
  readonly revokedOn?: string;
}

export interface ReminderSentInput {
  readonly reminderId: string;
  readonly kind: ReminderKind;
  readonly step: number;
  readonly recipients: string[];
  readonly gaps?: Gap[];
}

/** Every handover result carries the current gaps: the power's requirements against the team as it is. */
export type HandoverResult = LedgerResult<RecordedHandover, { gaps: Gap[] }>;

/** A recording also names what the read side shows with it, so that the answer needs no read. */
export type RecordHandoverResult = LedgerResult<
  RecordedHandover,
  { gaps: Gap[]; powerName: string; townshipName: string; recordedAt: string }
>;

export function toCommitments(input: CommitmentsInput | undefined): Commitments {
  return {
    officers: [...(input?.officers ?? [])],
    equipment: [...(input?.equipment ?? [])],
    training: [...(input?.training ?? [])],
    ...(input?.budgetYuan === undefined ? {} : { budgetYuan: input.budgetYuan }),
  };
}

/** Handovers of a power to a team: recorded by the county, answered by the township, revoked by the county. */
@Injectable()
export class Handovers {
  private readonly aggregates: AggregateStore<HandoverCommand, HandoverEvent, HandoverState, DecisionContext, DomainError>;

  constructor(
    private readonly eventStore: EventStore,
    private readonly context: LedgerContext,
    private readonly powers: PowerItems,
    private readonly teams: Teams,
    private readonly vocabularies: Vocabularies,
  ) {
    // Reminders append to the handover's stream for as long as gaps stay open (hence snapshots), and a
    // reminder sent or a month's cases recorded do not change what a user's If-Match protects: they never
    // make that version stale. v2: the state keeps the cases per month.
    this.aggregates = new AggregateStore(eventStore, parsingFirst(handoverDecider, parseHandoverCommand), {
      snapshot: { schema: 'handover-state-v2', every: 50 },
      concurrencyNeutralEvents: HANDOVER_RECORD_ONLY_EVENTS,
    });
  }

  /** The handover as its stream has it; inside the caller's `transaction` when one is given. */
  load(handoverId: string, options: InTransaction = {}): Promise<Loaded<HandoverState>> {
    return this.aggregates.load(handoverStreamId(handoverId), options);
  }

  /**
   * Records a handover of a power of the actor's county to a team of that county, under a new id.
   * Decided on the power and the team as kept from earlier commands (no round trip for them), and
   * written only if neither has moved since; when one has, decided again on fresh loads.
   */
  async record(actor: LedgerActor, input: RecordHandoverInput, options: CommandOptions): Promise<RecordHandoverResult> {
    const countyId = actor.countyId;
    if (countyId === null) return refused(forbidden('A handover is recorded within a county; the actor belongs to none'));
    const unknownTerms = await this.vocabularies.refusalOf(countyId, linesReferences('committed', input.committed));
    if (unknownTerms !== undefined) return unknownTerms;
    const handoverId = randomUUID();
    return retryOnStaleRead((fromCache) => this.recordOnce(actor, countyId, handoverId, input, options, fromCache));
  }

  private async recordOnce(
    actor: LedgerActor,
    countyId: string,
    handoverId: string,
    input: RecordHandoverInput,
    options: CommandOptions,
    fromCache: boolean,
  ): Promise<RecordHandoverResult> {
    const inputs = await this.readinessInputs({ countyId, powerCode: input.powerCode, teamId: input.teamId }, fromCache);
    const power = inputs.power.state;
    if (power.status === 'none') return refused(notFound(`Power ${input.powerCode} is not in the county's catalogue`));
    const team = inputs.team.state;
    if (team.status === 'none') return refused(notFound(`Team ${input.teamId} does not exist`));
    if (team.countyId !== countyId) return refused(forbidden('The team belongs to another county'));
    // A department hands over only its own powers (the county office hands over any).
    const refusal = accessRefusal(actor, { countyId, department: power.department }, POWER_WORDING);
    if (refusal !== null) return refused(refusal);
    const department = actor.reach?.kind === 'department' ? power.department : (input.department ?? power.department);

    const ctx = this.context.forCommand(actor, options);
    const command: HandoverCommand = {
      type: 'RecordHandover',
      data: {
        handoverId,
        countyId,
        powerCode: power.code,
        powerCategory: power.category,
        teamId: team.teamId,
        townshipId: team.townshipId,
        department,
        mode: input.mode,
        instrument: input.instrument,
        effectiveOn: input.effectiveOn,
        ...(input.endsOn === undefined ? {} : { endsOn: input.endsOn }),
        committed: toCommitments(input.committed),
      },
    };
    const result = await runCommand(
      () =>
        this.aggregates.handle(handoverStreamId(handoverId), command, ctx.decision, ctx.metadata(countyId), {
          expectedVersion: options.expectedVersion,
          newStream: true,
          unchanged: inputs.reads,
        }),
      existing<HandoverState>('handover'),
    );
    if (!result.ok) return result;
    const gaps = gapsAgainst(result.state, inputs, ctx.decision.today);
    return { ...result, gaps, powerName: power.name, townshipName: team.townshipName, recordedAt: ctx.decision.now };
  }

  /** The township signs; refused (with the gaps) when the team is not ready and the acceptance is not conditional. */
  accept(actor: LedgerActor, handoverId: string, input: AcceptInput, options: CommandOptions): Promise<HandoverResult> {
    return this.withGaps(actor, handoverId, options, ANSWER_WORDING, (gaps) => ({
      type: 'AcceptHandover',
      data: { conditional: input.conditional ?? false, ...(input.reason === undefined ? {} : { reason: input.reason }), gaps },
    }));
  }

  /** The township says why it cannot take the power over; the current gaps go on record with its reason. */
  contest(actor: LedgerActor, handoverId: string, reason: string, options: CommandOptions): Promise<HandoverResult> {
    return this.withGaps(actor, handoverId, options, ANSWER_WORDING, (gaps) => ({ type: 'ContestHandover', data: { reason, gaps } }));
  }

  /** Replaces the commitments of a recorded or contested handover (a contested one goes back to recorded). */
  async amendCommitments(
    actor: LedgerActor,
    handoverId: string,
    committed: CommitmentsInput,
    options: CommandOptions,
  ): Promise<HandoverResult> {
    if (actor.countyId !== null) {
      const unknownTerms = await this.vocabularies.refusalOf(actor.countyId, linesReferences('committed', committed));
      if (unknownTerms !== undefined) return unknownTerms;
    }
    return this.withGaps(actor, handoverId, options, HANDOVER_WORDING, () => ({
      type: 'AmendCommitments',
      data: { committed: toCommitments(committed) },
    }));
  }

  /**
   * The county takes the power back. `recall`: the approved recall request this carries out (on record
   * with the revocation); inside the caller's `transaction` when one is given (the recall's decision
   * commits with it).
   */
  revoke(
    actor: LedgerActor,
    handoverId: string,
    reason: string,
    options: CommandOptions,
    by: { readonly recall?: RevocationByRecall } & InTransaction = {},
  ): Promise<HandoverResult> {
    const recall = by.recall === undefined ? {} : { recall: by.recall };
    return this.withGaps(actor, handoverId, options, HANDOVER_WORDING, () => ({ type: 'RevokeHandover', data: { reason, ...recall } }), {
      transaction: by.transaction,
    });
  }

  /** Time-driven (the sweep): an accepted handover whose effective date has come becomes active. */
  activate(actor: LedgerActor, handoverId: string, options: CommandOptions): Promise<HandoverResult> {
    return this.withGaps(actor, handoverId, options, HANDOVER_WORDING, () => ({ type: 'ActivateHandover', data: {} }));
  }

  /** Puts a sent reminder on the handover's record; a redelivered one (same reminder id) writes nothing. */
  recordReminderSent(actor: LedgerActor, handoverId: string, input: ReminderSentInput, options: CommandOptions): Promise<HandoverResult> {
    return this.withGaps(actor, handoverId, options, HANDOVER_WORDING, () => ({
      type: 'RecordReminderSent',
      data: {
        reminderId: input.reminderId,
        kind: input.kind,
        step: input.step,
        recipients: [...input.recipients],
        ...(input.gaps === undefined ? {} : { gaps: input.gaps }),
      },
    }));
  }

  /**
   * Records the cases of one month: the township's users for their township's handovers, the county's
   * users for any. The same figure as the one standing writes nothing; another one stands instead.
   */
  recordUsage(actor: LedgerActor, handoverId: string, input: UsageInput, options: CommandOptions): Promise<LedgerResult<RecordedHandover>> {
    return retryOnStaleRead(async () => {
      const current = await this.load(handoverId);
      if (current.state.status === 'none') return refused(notFound(`Handover ${handoverId} does not exist`));
      const { countyId, townshipId, department } = current.state;
      const refusal = accessRefusal(actor, { countyId, townshipId, department }, HANDOVER_WORDING);
      if (refusal !== null) return refused(refusal, current.version);
      const dates = (await this.datesOf([handoverId])).get(handoverId);
      if (dates === undefined) return refused(notFound(`Handover ${handoverId} does not exist`));
      const ctx = this.context.forCommand(actor, options);
      const command: HandoverCommand = { type: 'RecordUsage', data: { month: input.month, cases: input.cases, ...dates } };
      return runCommand(
        () =>
          this.aggregates.handle(handoverStreamId(handoverId), command, ctx.decision, ctx.metadata(countyId), {
            expectedVersion: options.expectedVersion,
          }),
        existing<HandoverState>('handover'),
      );
    });
  }

  /**
   * The local dates each handover was recorded (and revoked) on, from the metadata of those events, in
   * one round trip; a handover never recorded is absent.
   */
  async datesOf(handoverIds: readonly string[], options: InTransaction = {}): Promise<Map<string, HandoverDates>> {
    const events = await this.eventStore.readStreamsEventsOfTypes(
      handoverIds.map(handoverStreamId),
      ['HandoverRecorded', 'HandoverRevoked'],
      options,
    );
    const dates = new Map<string, HandoverDates>();
    const byStream = new Map(handoverIds.map((id) => [handoverStreamId(id), id]));
    for (const event of events) {
      const id = byStream.get(event.streamId);
      if (id === undefined) continue;
      const on = this.context.localDateOf(event.metadata.occurredAt);
      if (event.type === 'HandoverRecorded') dates.set(id, { recordedOn: on });
      else {
        const recorded = dates.get(id);
        if (recorded !== undefined) dates.set(id, { ...recorded, revokedOn: on });
      }
    }
    return dates;
  }

  /** What loading a handover reads, to be read together with others (`loadAggregates`). */
  loadRequest(handoverId: string): AggregateLoadRequest<HandoverState> {
    return this.aggregates.loadRequest(handoverStreamId(handoverId));
  }

  /** The current gaps of a handover: its power's requirements against its team as it is today (both read afresh). */
  async gapsOf(handover: RecordedHandover): Promise<Gap[]> {
    return gapsAgainst(handover, await this.readinessInputs(handover, false), this.context.today());
  }

  /**
   * The power and the team a handover is about, in one round trip (none when both are kept and
   * `fromCache`), with the versions read: a command decided on them appends with those as `unchanged`.
   */
  private async readinessInputs(
    handover: Pick<RecordedHandover, 'countyId' | 'powerCode' | 'teamId'>,
    fromCache: boolean,
    inTransaction: InTransaction = {},
  ): Promise<ReadinessInputs> {
    const requests = [
      this.powers.loadRequest(handover.countyId, handover.powerCode, { fromCache }),
      this.teams.loadRequest(handover.teamId, { fromCache }),
    ] as const;
    const [power, team] = await loadAggregates(this.eventStore, requests, inTransaction);
    return { power, team, reads: readsOf(requests, [power, team]) };
  }

  /** Every event of the handover's stream, oldest first; null when the handover does not exist. */
  history(handoverId: string): Promise<HistoryEntry[] | null> {
    return streamHistory(this.eventStore, handoverStreamId(handoverId));
  }

  /**
   * Loads the handover (404 when none, 403 when beyond the actor's reach: another county's, another
   * township's or another department's), computes its current gaps, decides the command built from
   * them, and appends; the result carries the gaps after the command.
   */
  private withGaps(
    actor: LedgerActor,
    handoverId: string,
    options: CommandOptions,
    wording: AccessWording,
    build: (gaps: Gap[]) => HandoverCommand,
    inTransaction: InTransaction = {},
  ): Promise<HandoverResult> {
    return retryOnStaleRead(
      async (fromCache) => {
        const current = await this.load(handoverId, inTransaction);
        if (current.state.status === 'none') return refused(notFound(`Handover ${handoverId} does not exist`));
        const { countyId, townshipId, department } = current.state;
        const refusal = accessRefusal(actor, { countyId, townshipId, department }, wording);
        if (refusal !== null) return refused(refusal, current.version);
        const inputs = await this.readinessInputs(current.state, fromCache, inTransaction);
        const ctx = this.context.forCommand(actor, options);
        const gaps = gapsAgainst(current.state, inputs, ctx.decision.today);
        const result = await runCommand(
          () =>
            this.aggregates.handle(handoverStreamId(handoverId), build(gaps), ctx.decision, ctx.metadata(countyId), {
              expectedVersion: options.expectedVersion,
              unchanged: inputs.reads,
              transaction: inTransaction.transaction,
            }),
          existing<HandoverState>('handover'),
        );
        if (!result.ok) return result;
        const after = result.state.committed === current.state.committed ? gaps : gapsAgainst(result.state, inputs, ctx.decision.today);
        return { ...result, gaps: after };
      },
      { inCallersTransaction: inTransaction.transaction !== undefined },
    );
  }
}

const POWER_WORDING: AccessWording = {
  what: 'power',
  departmentOnly: (owner) => `A department hands over only its own powers; this power is ${owner}'s`,
};
const HANDOVER_WORDING: AccessWording = { what: 'handover' };
const ANSWER_WORDING: AccessWording = { what: 'handover', townshipOnly: "Only the township of the handover's team answers it" };

/** The power and the team a handover command is decided on, and the versions they were read at. */
interface ReadinessInputs {
  readonly power: Loaded<PowerItemState>;
  readonly team: Loaded<TeamState>;
  readonly reads: StreamAt[];
}

/** The handover's gaps: its power's requirements against its team, on `today`. */
function gapsAgainst(
  handover: Pick<RecordedHandover, 'handoverId' | 'powerCode' | 'committed' | 'department' | 'effectiveOn'>,
  inputs: ReadinessInputs,
  today: string,
): Gap[] {
  const power = inputs.power.state;
  if (power.status === 'none')
    throw new Error(`Power ${handover.powerCode} of handover ${handover.handoverId} is missing from the catalogue`);
  return assessReadiness({
    requirements: power.requirements,
    team: teamCapacity(inputs.team.state),
    committed: handover.committed,
    department: handover.department,
    effectiveOn: handover.effectiveOn,
    today,
  });
}

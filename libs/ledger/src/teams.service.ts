import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  type DecisionContext,
  type DomainError,
  type FormedTeam,
  notFound,
  type TeamCommand,
  teamDecider,
  type TeamEvent,
  type TeamState,
  type TermReference,
} from '@fangquan/domain';
import { type AggregateLoadRequest, AggregateStore, EventStore, type LoadRequestOptions } from '@fangquan/event-store';
import { LedgerContext } from './ledger-context';
import { type CommandOptions, forbidden, type LedgerActor, type LedgerResult, type Loaded, refused } from './ledger.types';
import { existing, runCommand } from './run-command';
import { teamStreamId } from './stream-ids';
import { Vocabularies } from './vocabularies.service';

export interface AddOfficerInput {
  readonly name: string;
  readonly certificateNumber: string;
  readonly certificateExpiresOn: string;
  readonly secondedFrom?: string;
}

export interface EquipmentInput {
  readonly kind: string;
  readonly quantity: number;
}

export interface WriteOffInput extends EquipmentInput {
  readonly reason: string;
}

export interface RecordTrainingInput {
  readonly officerId: string;
  readonly course: string;
  readonly hours: number;
  readonly completedOn: string;
}

function kindAt(kind: string): TermReference {
  return { field: 'kind', vocabulary: 'equipment-kinds', value: kind };
}

/** The townships' enforcement teams: roster, equipment on hand, completed training. A team is formed with its township. */
@Injectable()
export class Teams {
  private readonly aggregates: AggregateStore<TeamCommand, TeamEvent, TeamState, DecisionContext, DomainError>;

  constructor(
    eventStore: EventStore,
    private readonly context: LedgerContext,
    private readonly vocabularies: Vocabularies,
  ) {
    // A team's stream grows with every officer and camera: snapshot it. Every handover command reads
    // its team: keep recent teams, so that recording one needs no round trip for it (see Handovers).
    this.aggregates = new AggregateStore(eventStore, teamDecider, { snapshot: { schema: 'team-state-v1', every: 50 }, stateCache: 1000 });
  }

  load(teamId: string): Promise<Loaded<TeamState>> {
    return this.aggregates.load(teamStreamId(teamId));
  }

  /** The team, to load together with other aggregates (`loadAggregates`); `fromCache` may answer with a kept state. */
  loadRequest(teamId: string, options: LoadRequestOptions = {}): AggregateLoadRequest<TeamState> {
    return this.aggregates.loadRequest(teamStreamId(teamId), options);
  }

  async addOfficer(
    actor: LedgerActor,
    teamId: string,
    input: AddOfficerInput,
    options: CommandOptions,
  ): Promise<LedgerResult<FormedTeam, { officerId: string }>> {
    const officerId = randomUUID();
    const result = await this.run(actor, teamId, { type: 'AddOfficer', data: { officerId, ...input } }, options);
    return result.ok ? { ...result, officerId } : result;
  }

  removeOfficer(
    actor: LedgerActor,
    teamId: string,
    officerId: string,
    reason: string | undefined,
    options: CommandOptions,
  ): Promise<LedgerResult<FormedTeam>> {
    return this.run(actor, teamId, { type: 'RemoveOfficer', data: { officerId, ...(reason === undefined ? {} : { reason }) } }, options);
  }

  receiveEquipment(actor: LedgerActor, teamId: string, input: EquipmentInput, options: CommandOptions): Promise<LedgerResult<FormedTeam>> {
    return this.run(actor, teamId, { type: 'ReceiveEquipment', data: { kind: input.kind, quantity: input.quantity } }, options, [
      kindAt(input.kind),
    ]);
  }

  writeOffEquipment(actor: LedgerActor, teamId: string, input: WriteOffInput, options: CommandOptions): Promise<LedgerResult<FormedTeam>> {
    return this.run(
      actor,
      teamId,
      { type: 'WriteOffEquipment', data: { kind: input.kind, quantity: input.quantity, reason: input.reason } },
      options,
      [kindAt(input.kind)],
    );
  }

  async recordTraining(
    actor: LedgerActor,
    teamId: string,
    input: RecordTrainingInput,
    options: CommandOptions,
  ): Promise<LedgerResult<FormedTeam, { trainingId: string }>> {
    const trainingId = randomUUID();
    const result = await this.run(actor, teamId, { type: 'RecordTraining', data: { trainingId, ...input } }, options, [
      { field: 'course', vocabulary: 'training-courses', value: input.course },
    ]);
    return result.ok ? { ...result, trainingId } : result;
  }

  /**
   * Loads the team (404 when none, 403 when another county's), checks the kinds and courses the command
   * names against the county's vocabularies (400), then decides and appends.
   */
  private async run(
    actor: LedgerActor,
    teamId: string,
    command: TeamCommand,
    options: CommandOptions,
    references: readonly TermReference[] = [],
  ): Promise<LedgerResult<FormedTeam>> {
    const current = await this.load(teamId);
    if (current.state.status === 'none') return refused(notFound(`Team ${teamId} does not exist`));
    const countyId = current.state.countyId;
    if (actor.countyId !== countyId) return refused(forbidden('This team belongs to another county'), current.version);
    const unknownTerms = await this.vocabularies.refusalOf(countyId, references);
    if (unknownTerms !== undefined) return { ...unknownTerms, version: current.version };
    const ctx = this.context.forCommand(actor, options);
    return runCommand(
      () =>
        this.aggregates.handle(teamStreamId(teamId), command, ctx.decision, ctx.metadata(countyId), {
          expectedVersion: options.expectedVersion,
        }),
      existing<TeamState>('team'),
    );
  }
}

import { Injectable } from '@nestjs/common';
import {
  type DecisionContext,
  DEFAULT_VOCABULARIES,
  type DomainError,
  type EstablishedVocabulary,
  type FieldError,
  invalid,
  type TermReference,
  unknownTerms,
  type Vocabulary,
  type VocabularyCommand,
  vocabularyDecider,
  type VocabularyEvent,
  type VocabularyState,
  vocabularyStreamId,
  type VocabularyTerm,
} from '@fangquan/domain';
import { AggregateStore, EventStore, type InTransaction, loadAggregates } from '@fangquan/event-store';
import { LedgerContext } from './ledger-context';
import { type CommandOptions, forbidden, type LedgerActor, type LedgerResult, type Loaded, refused, type Refused } from './ledger.types';
import { existing, runCommand } from './run-command';

/**
 * The county vocabularies (equipment kinds, training courses): established with the defaults when a
 * county is created, kept by its county office, and the check that every kind and course a command
 * names is one of its county's (called by the other ledger services before they decide).
 */
@Injectable()
export class Vocabularies {
  private readonly aggregates: AggregateStore<VocabularyCommand, VocabularyEvent, VocabularyState, DecisionContext, DomainError>;

  constructor(
    private readonly eventStore: EventStore,
    private readonly context: LedgerContext,
  ) {
    // Read by every command that names a kind or a course; a few dozen terms each, never removed.
    this.aggregates = new AggregateStore(eventStore, vocabularyDecider, { stateCache: 1000 });
  }

  load(countyId: string, vocabulary: Vocabulary): Promise<Loaded<VocabularyState>> {
    return this.aggregates.load(vocabularyStreamId(countyId, vocabulary));
  }

  /** Opens both vocabularies of a new county with the defaults; inside the caller's transaction when given one. */
  async establishDefaults(actor: LedgerActor, countyId: string, options: CommandOptions & InTransaction): Promise<void> {
    const ctx = this.context.forCommand(actor, options);
    for (const [vocabulary, terms] of Object.entries(DEFAULT_VOCABULARIES) as Array<[Vocabulary, readonly VocabularyTerm[]]>) {
      const result = await this.aggregates.handle(
        vocabularyStreamId(countyId, vocabulary),
        { type: 'EstablishVocabulary', data: { countyId, vocabulary, terms: [...terms] } },
        ctx.decision,
        ctx.metadata(countyId),
        { transaction: options.transaction },
      );
      if (!result.ok) throw new Error(`The ${vocabulary} of county ${countyId} were not established: ${JSON.stringify(result.error)}`);
    }
  }

  /** Adds a term to a vocabulary of the actor's county; the same term again writes nothing. */
  addTerm(
    actor: LedgerActor,
    vocabulary: Vocabulary,
    term: VocabularyTerm,
    options: CommandOptions,
  ): Promise<LedgerResult<EstablishedVocabulary>> {
    return this.run(actor, vocabulary, { type: 'AddTerm', data: term }, options);
  }

  /** Renames a term of a vocabulary of the actor's county; its code, which records carry, stays. */
  renameTerm(
    actor: LedgerActor,
    vocabulary: Vocabulary,
    term: VocabularyTerm,
    options: CommandOptions,
  ): Promise<LedgerResult<EstablishedVocabulary>> {
    return this.run(actor, vocabulary, { type: 'RenameTerm', data: term }, options);
  }

  /**
   * The references that name no term of the county's vocabularies, as field errors (400). Answered
   * from kept states when they know every term (a term is never removed); any unknown one is checked
   * again on fresh loads, since another process may have added it.
   */
  async unknownTerms(countyId: string, references: readonly TermReference[]): Promise<FieldError[]> {
    if (references.length === 0) return [];
    const kept = unknownTerms(await this.both(countyId, true), references);
    return kept.length === 0 ? kept : unknownTerms(await this.both(countyId, false), references);
  }

  /** The refusal of a command whose references name unknown terms; undefined when every one is known. */
  async refusalOf(countyId: string, references: readonly TermReference[]): Promise<Refused | undefined> {
    const errors = await this.unknownTerms(countyId, references);
    return errors.length === 0 ? undefined : refused(invalid(errors));
  }

  private async both(countyId: string, fromCache: boolean): Promise<Record<Vocabulary, VocabularyState>> {
    const [kinds, courses] = await loadAggregates(this.eventStore, [
      this.aggregates.loadRequest(vocabularyStreamId(countyId, 'equipment-kinds'), { fromCache }),
      this.aggregates.loadRequest(vocabularyStreamId(countyId, 'training-courses'), { fromCache }),
    ] as const);
    return { 'equipment-kinds': kinds.state, 'training-courses': courses.state };
  }

  private async run(
    actor: LedgerActor,
    vocabulary: Vocabulary,
    command: VocabularyCommand,
    options: CommandOptions,
  ): Promise<LedgerResult<EstablishedVocabulary>> {
    const countyId = actor.countyId;
    if (countyId === null) return refused(forbidden('A vocabulary belongs to a county; the actor belongs to none'));
    const ctx = this.context.forCommand(actor, options);
    return runCommand(
      () =>
        this.aggregates.handle(vocabularyStreamId(countyId, vocabulary), command, ctx.decision, ctx.metadata(countyId), {
          expectedVersion: options.expectedVersion,
        }),
      existing<VocabularyState>('vocabulary'),
    );
  }
}

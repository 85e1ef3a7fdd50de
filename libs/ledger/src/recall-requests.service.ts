import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  type DecisionContext,
  type DomainError,
  type DutyStanding,
  evolveRecall,
  FILED_CASES_STAY_WITH_FILING_UNIT,
  type HandoverStatus,
  initialRecallState,
  isRecallEvent,
  notFound,
  parseRecallCommand,
  parsingFirst,
  RECALL_EVENT_TYPES,
  type RecallCommand,
  recallDecider,
  type RecallEvent,
  recallRequestOf,
  type RecallRequestRecord,
  type RecallState,
  type RecallStatus,
  recallStreamId,
  type RecallThread,
} from '@fangquan/domain';
import { AggregateStore, EventStore, type SqlTransaction } from '@fangquan/event-store';
import { accessRefusal, type AccessWording } from './access';
import { Duties } from './duties.service';
import { DutyLists } from './duty-lists.service';
import { Handovers } from './handovers.service';
import { LedgerContext } from './ledger-context';
import { type CommandOptions, forbidden, type LedgerActor, type LedgerResult, refused } from './ledger.types';
import { runCommand } from './run-command';

export interface FileRecallInput {
  readonly townshipId: string;
  readonly handoverId?: string;
  readonly dutyCode?: string;
  readonly reason: string;
}

export interface RecallDecisionInput {
  readonly approved: boolean;
  readonly reason: string;
  readonly decisionRef?: string;
  /** Who takes a duty item back; the duty's lead department when absent. */
  readonly department?: string;
}

/** One recall request as the API shows it: what was asked, and the county office's decision once made. */
export interface RecallRequestView extends RecallRequestRecord {
  readonly id: string;
  readonly countyId: string;
  readonly townshipId: string;
  readonly handoverId?: string;
  readonly dutyCode?: string;
  /** When the county office's decision falls due (DECISION_REMINDER_DAYS after filing). */
  readonly decisionDueAt: string;
  /** Still pending past `decisionDueAt`. */
  readonly overdue: boolean;
}

export interface RecallFilter {
  readonly status?: RecallStatus;
  readonly townshipId?: string;
}

/** How many times an approval is tried, in all, while the item it acts on keeps moving under it. */
const EFFECT_ATTEMPTS = 3;

const WORDING: AccessWording = { what: 'recall request', townshipOnly: 'A township asks to hand back only its own items' };

/** A decision that could not be carried out: the transaction rolls back with it, and the refusal goes back to the caller. */
class EffectRefused extends Error {
  constructor(readonly result: LedgerResult<unknown> & { ok: false }) {
    super('the decision could not be carried out');
  }
}

/**
 * Recall requests (申请收回): filed by a township's users (or the county office for it), decided by the
 * county office. Approving a handover's recall revokes the handover through its own command, in the
 * transaction that records the approval, so that neither commits without the other. A county's requests
 * are few; they are listed by folding their events from the log (read-your-writes, no read table).
 */
@Injectable()
export class RecallRequests {
  private readonly aggregates: AggregateStore<RecallCommand, RecallEvent, RecallState, DecisionContext, DomainError>;

  constructor(
    private readonly eventStore: EventStore,
    private readonly dataSource: DataSource,
    private readonly context: LedgerContext,
    private readonly handovers: Handovers,
    private readonly duties: Duties,
    private readonly dutyLists: DutyLists,
  ) {
    this.aggregates = new AggregateStore(eventStore, parsingFirst(recallDecider, parseRecallCommand));
  }

  async file(actor: LedgerActor, input: FileRecallInput, options: CommandOptions): Promise<LedgerResult<RecallRequestView>> {
    const countyId = actor.countyId;
    if (countyId === null) return refused(forbidden('A recall request is filed within a county; the actor belongs to none'));
    const denied = accessRefusal(actor, { countyId, townshipId: input.townshipId }, WORDING);
    if (denied !== null) return refused(denied);
    const requestId = randomUUID();
    const standing = await this.standingOf(countyId, input);
    const item = input.handoverId !== undefined ? { handoverId: input.handoverId } : { dutyCode: input.dutyCode ?? '' };
    const ctx = this.context.forCommand(actor, options);
    const command: RecallCommand = {
      type: 'FileRecallRequest',
      data: {
        requestId,
        countyId,
        townshipId: input.townshipId,
        ...withDefined({ handoverId: input.handoverId, dutyCode: input.dutyCode }),
        reason: input.reason,
        filedBy: actor.username,
        ...standing,
      },
    };
    return runCommand(
      () => this.aggregates.handle(streamOf(input.townshipId, input), command, ctx.decision, ctx.metadata(countyId)),
      (state) => viewOf(this.context, state as RecallThread, requestId, item),
    );
  }

  /**
   * Decides a request once. An approval of a handover's recall revokes the handover (the request named
   * on the revocation, with the rule on cases already filed); of a duty's, moves the duty to `returned`
   * in the township's draft list with the department that takes it.
   */
  async decide(
    actor: LedgerActor,
    requestId: string,
    input: RecallDecisionInput,
    options: CommandOptions,
    activeHandoverPowers: readonly string[] = [],
  ): Promise<LedgerResult<RecallRequestView>> {
    const countyId = actor.countyId;
    const found = countyId === null ? undefined : await this.find(countyId, requestId);
    if (countyId === null || found === undefined) return refused(notFound(`No recall request ${requestId}`));
    const denied = accessRefusal(actor, { countyId, townshipId: found.townshipId }, WORDING);
    if (denied !== null) return refused(denied);
    const department = input.approved && found.dutyCode !== undefined ? await this.takerOf(found, input) : undefined;
    const ctx = this.context.forCommand(actor, options);
    const command: RecallCommand = {
      type: 'DecideRecallRequest',
      data: {
        requestId,
        ...withDefined({ decisionRef: input.decisionRef, department }),
        approved: input.approved,
        reason: input.reason,
        decidedBy: actor.username,
      },
    };
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.dataSource.transaction(async (manager) => {
          const result = await runCommand(
            () =>
              this.aggregates.handle(streamOf(found.townshipId, found), command, ctx.decision, ctx.metadata(countyId), {
                expectedVersion: options.expectedVersion,
                transaction: manager,
              }),
            (state) => viewOf(this.context, state as RecallThread, requestId, found),
          );
          if (!result.ok || result.lastGlobalPosition === null || result.state.status !== 'approved') return result;
          // The effect is written after the decision: its position is the one a reader waits for.
          const effectAt = await this.carryOut(actor, result.state, options, manager, activeHandoverPowers);
          return { ...result, lastGlobalPosition: effectAt ?? result.lastGlobalPosition };
        });
      } catch (error) {
        if (!(error instanceof EffectRefused)) throw error;
        // The handover moved under the transaction (a reminder appended to it meanwhile): all of it again.
        if (error.result.error.kind !== 'version-conflict' || attempt >= EFFECT_ATTEMPTS) return error.result;
      }
    }
  }

  /** The county's requests (a township's users: their own township's), oldest first. */
  async list(actor: LedgerActor, filter: RecallFilter = {}): Promise<RecallRequestView[]> {
    if (actor.countyId === null) return [];
    const reach = actor.reach ?? { kind: 'county' };
    if (reach.kind === 'department') return [];
    const ownTownship = reach.kind === 'township' ? reach.townshipId : undefined;
    if (ownTownship === null) return [];
    const all = await this.all(actor.countyId);
    return all.filter(
      (request) =>
        (ownTownship === undefined || request.townshipId === ownTownship) &&
        (filter.townshipId === undefined || request.townshipId === filter.townshipId) &&
        (filter.status === undefined || request.status === filter.status),
    );
  }

  /** One request within the actor's reach; undefined when none (or beyond reach). */
  async get(actor: LedgerActor, requestId: string): Promise<RecallRequestView | undefined> {
    return (await this.list(actor)).find((request) => request.id === requestId);
  }

  private async find(countyId: string, requestId: string): Promise<RecallRequestView | undefined> {
    return (await this.all(countyId)).find((request) => request.id === requestId);
  }

  /** Every request of the county, folded from the recall streams' events in log order. */
  private async all(countyId: string): Promise<RecallRequestView[]> {
    const events = await this.eventStore.readCountyEvents(countyId, RECALL_EVENT_TYPES);
    const threads = new Map<string, RecallState>();
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data };
      if (!isRecallEvent(event)) continue;
      threads.set(recorded.streamId, evolveRecall(threads.get(recorded.streamId) ?? initialRecallState, event));
    }
    const views: RecallRequestView[] = [];
    for (const thread of threads.values()) {
      if (thread.status === 'none') continue;
      for (const request of thread.requests) views.push(viewOf(this.context, thread, request.requestId, thread));
    }
    return views.sort((a, b) => (a.filedAt < b.filedAt ? -1 : a.filedAt > b.filedAt ? 1 : 0));
  }

  /** What the ledger knows of the item asked back: the handover's status (`none`: not the township's), or the duty's standing. */
  private async standingOf(
    countyId: string,
    input: FileRecallInput,
  ): Promise<{ handoverStatus?: HandoverStatus; dutyStanding?: DutyStanding }> {
    if (input.handoverId !== undefined) {
      if (input.dutyCode !== undefined) return {};
      const handover = (await this.handovers.load(input.handoverId)).state;
      const ours = handover.status !== 'none' && handover.countyId === countyId && handover.townshipId === input.townshipId;
      return { handoverStatus: ours ? handover.status : 'none' };
    }
    if (input.dutyCode === undefined) return {};
    const entry = (await this.dutyLists.load(input.townshipId)).state.entries[input.dutyCode];
    return { dutyStanding: entry?.category ?? 'absent' };
  }

  /** Who takes a duty back: the one the decision names, else the duty's lead department in the catalogue (none: the decider asks for one). */
  private async takerOf(request: RecallRequestView, input: RecallDecisionInput): Promise<string | undefined> {
    if (input.department !== undefined || request.dutyCode === undefined) return input.department;
    const duty = (await this.duties.load(request.countyId, request.dutyCode)).state;
    return duty.status === 'none' ? undefined : duty.leadDepartment;
  }

  /** Carries out an approval in `transaction`; the global position of what it wrote (null: nothing). */
  private async carryOut(
    actor: LedgerActor,
    request: RecallRequestView,
    options: CommandOptions,
    transaction: SqlTransaction,
    activeHandoverPowers: readonly string[],
  ): Promise<string | null> {
    const decision = request.decision;
    if (decision === null) return null;
    const inner = { ...options, expectedVersion: undefined, causationId: request.id };
    if (request.handoverId !== undefined) {
      const revoked = await this.handovers.revoke(actor, request.handoverId, decision.reason, inner, {
        recall: {
          requestId: request.id,
          requestReason: request.reason,
          decisionRef: decision.decisionRef ?? '',
          filedCases: FILED_CASES_STAY_WITH_FILING_UNIT,
        },
        transaction,
      });
      if (!revoked.ok) throw new EffectRefused(revoked);
      return revoked.lastGlobalPosition;
    }
    if (request.dutyCode !== undefined) {
      const returned = await this.dutyLists.setItem(
        actor,
        { id: request.townshipId, countyId: request.countyId },
        { dutyCode: request.dutyCode, category: 'returned', ...withDefined({ leadDepartment: decision.department }) },
        activeHandoverPowers,
        { ...inner, transaction },
      );
      if (!returned.ok) throw new EffectRefused(returned);
      return returned.lastGlobalPosition;
    }
    return null;
  }
}

function streamOf(townshipId: string, item: { handoverId?: string; dutyCode?: string }): string {
  return recallStreamId(townshipId, item.handoverId !== undefined ? { handoverId: item.handoverId } : { dutyCode: item.dutyCode ?? '' });
}

function viewOf(
  context: LedgerContext,
  thread: RecallThread,
  requestId: string,
  item: { handoverId?: string; dutyCode?: string },
): RecallRequestView {
  const request = recallRequestOf(thread, requestId);
  if (request === undefined) throw new Error(`Recall request ${requestId} is not on its stream`);
  const { decisionDueAt, pastDue } = context.decisionDue(request.filedAt);
  return {
    decisionDueAt,
    overdue: request.status === 'pending' && pastDue,
    id: requestId,
    countyId: thread.countyId,
    townshipId: thread.townshipId,
    ...withDefined({ handoverId: item.handoverId, dutyCode: item.dutyCode }),
    ...request,
  };
}

/** The fields that are set (an optional field is absent, never undefined, in events and answers). */
function withDefined<T extends object>(fields: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

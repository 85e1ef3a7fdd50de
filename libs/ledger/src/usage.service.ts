import { Injectable } from '@nestjs/common';
import {
  type DomainError,
  type FieldError,
  handoverDecider,
  handoverIdOf,
  type HandoverCommand,
  type HandoverEvent,
  type HandoverState,
  invalid,
  parseHandoverCommand,
  parsingFirst,
} from '@fangquan/domain';
import { EventStore, loadAggregates, type SingleAppend, StreamVersionConflictError } from '@fangquan/event-store';
import { accessRefusal } from './access';
import { IMPORT_BATCH_SIZE, type ImportOptions, type ImportReport, type ImportRow } from './catalogue-import';
import { Handovers } from './handovers.service';
import { LedgerContext } from './ledger-context';
import {
  type CommandOptions,
  forbidden,
  type LedgerActor,
  type LedgerError,
  type LedgerResult,
  type Loaded,
  refused,
} from './ledger.types';
import { handoverStreamId } from './stream-ids';

const decider = parsingFirst(handoverDecider, parseHandoverCommand);

/** One row of a usage sheet: the cases of one handover in one month. */
export interface UsageRow {
  readonly handoverId: string;
  readonly month: string;
  readonly cases: number;
}

/** A month's standing figure of a handover, with what a sheet shows beside it. */
export interface UsageFigure extends UsageRow {
  readonly townshipId: string;
  readonly powerCode: string;
}

/** Whose figures: a county's, narrowed to a township's or a department's handovers. */
export interface UsageScope {
  readonly countyId: string;
  readonly townshipId?: string;
  readonly department?: string;
}

/** Months from `from` to `to` (`YYYY-MM`, both included); either end open when absent. */
export interface MonthRange {
  readonly from?: string;
  readonly to?: string;
}

/** The months of a handover with their standing figures, oldest first. */
export function usageMonths(state: HandoverState): Array<{ month: string; cases: number }> {
  if (state.status === 'none') return [];
  return Object.entries(state.usage)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([month, cases]) => ({ month, cases }));
}

/** Usage (办件量) by sheet: an import of many handovers' months at once, all or none, and the figures for an export. */
@Injectable()
export class UsageSheets {
  constructor(
    private readonly eventStore: EventStore,
    private readonly context: LedgerContext,
    private readonly handovers: Handovers,
  ) {}

  /**
   * Imports rows of a usage sheet, all or none: each row is decided as `POST /handovers/:id/usage`
   * would decide it (a township's users only for their township's handovers), the rows of one handover
   * in row order on the state the earlier ones leave. A refused row refuses the import, each bad cell
   * named `rows[N].<column>`; a handover and month twice in the file is refused on the later row.
   * `created`: a month's first figure; `updated`: another figure for a month; `unchanged`: the same.
   */
  async importUsage(
    actor: LedgerActor,
    rows: readonly ImportRow<UsageRow>[],
    options: CommandOptions & ImportOptions,
  ): Promise<LedgerResult<ImportReport>> {
    const countyId = actor.countyId;
    if (countyId === null) return refused(forbidden('Usage is recorded within a county; the actor belongs to none'));
    const ids = [...new Set(rows.map((row) => row.input.handoverId))];
    const [loaded, dates] = await Promise.all([
      loadAggregates(
        this.eventStore,
        ids.map((id) => this.handovers.loadRequest(id)),
      ),
      this.handovers.datesOf(ids),
    ]);
    const states = new Map(ids.map((id, index) => [id, loaded[index] as Loaded<HandoverState>]));
    const ctx = this.context.forCommand(actor, options);
    const errors: FieldError[] = [...(options.rowErrors ?? []), ...repeatedMonths(rows)];
    const toAppend = new Map<string, HandoverEvent[]>();
    let created = 0;
    let updated = 0;
    for (const { rowNumber, input } of rows) {
      const at = (column: string): string => `rows[${rowNumber}].${column}`;
      const current = states.get(input.handoverId) as Loaded<HandoverState>;
      const handoverDates = dates.get(input.handoverId);
      if (current.state.status === 'none' || handoverDates === undefined) {
        errors.push({ field: at('handoverId'), message: `no such handover ${input.handoverId}` });
        continue;
      }
      const { townshipId, department } = current.state;
      const refusal = accessRefusal(actor, { countyId: current.state.countyId, townshipId, department }, { what: 'handover' });
      if (refusal !== null) {
        errors.push(...usageRowErrors(rowNumber, refusal));
        continue;
      }
      const command: HandoverCommand = { type: 'RecordUsage', data: { month: input.month, cases: input.cases, ...handoverDates } };
      const decision = decider.decide(command, current.state, ctx.decision);
      if (!decision.ok) {
        errors.push(...usageRowErrors(rowNumber, decision.error));
        continue;
      }
      const [event] = decision.events;
      if (event === undefined) continue;
      if (event.type === 'HandoverUsageRecorded' && event.data.previousCases !== null) updated += 1;
      else created += 1;
      toAppend.set(input.handoverId, [...(toAppend.get(input.handoverId) ?? []), event]);
      states.set(input.handoverId, { state: decider.evolve(current.state, event), version: current.version });
    }
    if (errors.length > 0) return refused(invalid(inRowOrder(errors)));
    const report: ImportReport = { created, updated, unchanged: rows.length - created - updated };
    if (options.dryRun || toAppend.size === 0) return { ok: true, state: report, version: 0, lastGlobalPosition: null };
    const appends = [...toAppend].map(([id, events]) => ({
      streamId: handoverStreamId(id),
      version: (loaded[ids.indexOf(id)] as Loaded<HandoverState>).version,
      events,
    }));
    try {
      const lastGlobalPosition = await this.writeRounds(appends, ctx.metadata(countyId));
      return { ok: true, state: report, version: 0, lastGlobalPosition };
    } catch (error) {
      if (!(error instanceof StreamVersionConflictError)) throw error;
      return refused({
        kind: 'version-conflict',
        detail: 'Some handovers of the file were changed by someone else at the same time; nothing was imported, try again',
        expected: null,
        actual: null,
      });
    }
  }

  /**
   * Every stream's events in ONE transaction: round k appends the k-th event of each stream (one
   * statement per IMPORT_BATCH_SIZE streams), at the version the import was decided on plus k.
   */
  private async writeRounds(
    appends: ReadonlyArray<{ streamId: string; version: number; events: readonly HandoverEvent[] }>,
    metadata: SingleAppend['metadata'],
  ): Promise<string> {
    return this.eventStore.dataSource.transaction(async (transaction) => {
      let last = 0n;
      const rounds = Math.max(...appends.map((append) => append.events.length));
      for (let round = 0; round < rounds; round += 1) {
        const singles: SingleAppend[] = appends.flatMap(({ streamId, version, events }) => {
          const event = events[round];
          return event === undefined
            ? []
            : [{ streamId, expectedVersion: version + round, event: { type: event.type, data: event.data }, metadata }];
        });
        for (let start = 0; start < singles.length; start += IMPORT_BATCH_SIZE) {
          const results = await this.eventStore.appendOneEach(singles.slice(start, start + IMPORT_BATCH_SIZE), { transaction });
          for (const result of results) if (BigInt(result.lastGlobalPosition) > last) last = BigInt(result.lastGlobalPosition);
        }
      }
      return last.toString();
    });
  }

  /**
   * The standing figure of each month in `range` of the handovers in `scope`, from the county's
   * handover recordings and usage events (read from the log, no read table): by township, power,
   * handover, then month.
   */
  async figures(scope: UsageScope, range: MonthRange = {}): Promise<UsageFigure[]> {
    const events = await this.eventStore.readCountyEvents(scope.countyId, ['HandoverRecorded', 'HandoverUsageRecorded']);
    const handovers = new Map<string, { townshipId: string; department: string; powerCode: string }>();
    const figures = new Map<string, UsageFigure>();
    for (const recorded of events) {
      const handoverId = handoverIdOf(recorded.streamId);
      if (handoverId === undefined) continue;
      const event = { type: recorded.type, data: recorded.data } as HandoverEvent;
      if (event.type === 'HandoverRecorded') {
        const { townshipId, department, powerCode } = event.data;
        handovers.set(handoverId, { townshipId, department, powerCode });
      } else if (event.type === 'HandoverUsageRecorded') {
        const handover = handovers.get(handoverId);
        const { month, cases } = event.data;
        if (handover === undefined) continue;
        if (scope.townshipId !== undefined && handover.townshipId !== scope.townshipId) continue;
        if (scope.department !== undefined && handover.department !== scope.department) continue;
        if ((range.from !== undefined && month < range.from) || (range.to !== undefined && month > range.to)) continue;
        figures.set(`${handoverId} ${month}`, { handoverId, month, cases, townshipId: handover.townshipId, powerCode: handover.powerCode });
      }
    }
    const key = (figure: UsageFigure): string => [figure.townshipId, figure.powerCode, figure.handoverId, figure.month].join('\u0000');
    return [...figures.values()].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  }
}

/** A refused row's errors: its bad fields named on their columns, any other refusal on `handoverId`. */
function usageRowErrors(rowNumber: number, error: DomainError | LedgerError): FieldError[] {
  const at = (column: string): string => `rows[${rowNumber}].${column}`;
  if (error.kind === 'invalid') return error.errors.map((fieldError) => ({ ...fieldError, field: at(fieldError.field) }));
  return [{ field: at('handoverId'), message: error.detail }];
}

/** Rows after the first that name the same handover and month. */
function repeatedMonths(rows: readonly ImportRow<UsageRow>[]): FieldError[] {
  const firstRow = new Map<string, number>();
  return rows.flatMap(({ rowNumber, input }) => {
    const key = `${input.handoverId} ${input.month}`;
    const first = firstRow.get(key);
    if (first === undefined) {
      firstRow.set(key, rowNumber);
      return [];
    }
    return [{ field: `rows[${rowNumber}].month`, message: `duplicate handover and month (also in row ${first})`, code: 'duplicate' }];
  });
}

function rowNumberOf(field: string): number {
  return Number(/^rows\[(\d+)\]/.exec(field)?.[1] ?? 0);
}

function inRowOrder(errors: readonly FieldError[]): FieldError[] {
  return [...errors].sort((a, b) => rowNumberOf(a.field) - rowNumberOf(b.field));
}

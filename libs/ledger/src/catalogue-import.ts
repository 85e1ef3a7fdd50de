import { type Decision, type DomainError, type FieldError, invalid } from '@fangquan/domain';
import {
  type AggregateEvent,
  type EventMetadata,
  EventStore,
  type LoadedAggregate,
  type SingleAppend,
  StreamVersionConflictError,
} from '@fangquan/event-store';
import { type LedgerResult, refused } from './ledger.types';

/** One row of an imported sheet: the spreadsheet's own row number and what the row asks for. */
export interface ImportRow<I> {
  readonly rowNumber: number;
  readonly input: I;
}

/** What an import did (or, in a dry run, would do), row by row summed up. */
export interface ImportReport {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
}

export interface ImportOptions {
  /** Decide every row, write nothing. */
  readonly dryRun: boolean;
  /** What reading the sheet already found wrong with rows left out (named `rows[N].<column>`): the import is refused with them. */
  readonly rowErrors?: readonly FieldError[];
}

/** How many events one statement of an import appends; the whole import is still one transaction. */
export const IMPORT_BATCH_SIZE = 200;

/** A row's aggregate as loaded, its command's decision, and whether the stream is new. */
export interface DecidedRow<E> {
  readonly rowNumber: number;
  readonly streamId: string;
  readonly loaded: LoadedAggregate<unknown>;
  readonly decision: Decision<E>;
}

/**
 * The field errors of a refused row, named `rows[N].<column>`: `columnOf` maps a command's field path
 * (e.g. `requirements.equipment[0].kind`) to the sheet's column field (`equipment`). A rule refusal
 * or any other refusal of the row's item (a code already taken) is named on the `code` column.
 */
export function rowErrors(rowNumber: number, error: DomainError, columnOf: (path: string) => string): FieldError[] {
  const at = (column: string): string => `rows[${rowNumber}].${column}`;
  switch (error.kind) {
    case 'invalid':
      return error.errors.map(({ field, message, code }) => ({
        field: at(columnOf(field)),
        message,
        ...(code === undefined ? {} : { code }),
      }));
    case 'rule':
    case 'not-found':
    case 'forbidden':
      return [{ field: at('code'), message: error.detail }];
  }
}

/** Rows after the first that name the same item (each stream is decided once, on the version it was at). */
function repeatedItems(rows: readonly DecidedRow<unknown>[]): FieldError[] {
  const firstRow = new Map<string, number>();
  return rows.flatMap((row) => {
    const first = firstRow.get(row.streamId);
    if (first === undefined) {
      firstRow.set(row.streamId, row.rowNumber);
      return [];
    }
    return [{ field: `rows[${row.rowNumber}].code`, message: `duplicate code (also in row ${first})`, code: 'duplicate' }];
  });
}

function rowNumberOf(field: string): number {
  return Number(/^rows\[(\d+)\]/.exec(field)?.[1] ?? 0);
}

/** Errors by row number (a stable sort: within a row, in the order they were found). */
function inRowOrder(errors: readonly FieldError[]): FieldError[] {
  return [...errors].sort((a, b) => rowNumberOf(a.field) - rowNumberOf(b.field));
}

/** What an import comes to before anything is written: every bad row named, or the appends and the report. */
export type ImportPlan =
  | { readonly ok: false; readonly errors: FieldError[] }
  | { readonly ok: true; readonly appends: SingleAppend[]; readonly report: ImportReport };

/**
 * Plans an import from its decided rows: any refused row (or repeated item, or error the sheet's
 * reading found) refuses it all, each named `rows[N].<column>` in row order; otherwise one append per
 * row that changes its item (at the version it was decided on), and the count of created, updated
 * and unchanged rows.
 */
export function planImport<E extends AggregateEvent>(
  rows: readonly DecidedRow<E>[],
  metadata: EventMetadata,
  columnOf: (path: string) => string,
  sheetErrors: readonly FieldError[] = [],
): ImportPlan {
  const errors = [
    ...sheetErrors,
    ...repeatedItems(rows),
    ...rows.flatMap((row) => (row.decision.ok ? [] : rowErrors(row.rowNumber, row.decision.error, columnOf))),
  ];
  if (errors.length > 0) return { ok: false, errors: inRowOrder(errors) };
  const appends: SingleAppend[] = [];
  let created = 0;
  let updated = 0;
  for (const row of rows) {
    if (!row.decision.ok) continue;
    const [event, ...more] = row.decision.events;
    if (event === undefined) continue;
    if (more.length > 0) throw new Error(`An import writes one event per row; row ${row.rowNumber} decided ${row.decision.events.length}`);
    if (row.loaded.version === 0) created += 1;
    else updated += 1;
    appends.push({ streamId: row.streamId, expectedVersion: row.loaded.version, event: { type: event.type, data: event.data }, metadata });
  }
  return { ok: true, appends, report: { created, updated, unchanged: rows.length - created - updated } };
}

/**
 * Writes an import all or nothing (see `planImport`): the appends in batches of IMPORT_BATCH_SIZE
 * inside ONE transaction. A stream that moved meanwhile is a version conflict (nothing written). A dry
 * run plans and writes nothing.
 */
export async function writeImport<E extends AggregateEvent>(
  eventStore: EventStore,
  rows: readonly DecidedRow<E>[],
  metadata: EventMetadata,
  columnOf: (path: string) => string,
  options: ImportOptions,
): Promise<LedgerResult<ImportReport>> {
  const plan = planImport(rows, metadata, columnOf, options.rowErrors);
  if (!plan.ok) return refused(invalid(plan.errors));
  const { appends, report } = plan;
  if (options.dryRun || appends.length === 0) return { ok: true, state: report, version: 0, lastGlobalPosition: null };
  try {
    const lastGlobalPosition = await eventStore.dataSource.transaction(async (transaction) => {
      let last = 0n;
      for (let start = 0; start < appends.length; start += IMPORT_BATCH_SIZE) {
        const results = await eventStore.appendOneEach(appends.slice(start, start + IMPORT_BATCH_SIZE), { transaction });
        for (const result of results) if (BigInt(result.lastGlobalPosition) > last) last = BigInt(result.lastGlobalPosition);
      }
      return last.toString();
    });
    return { ok: true, state: report, version: 0, lastGlobalPosition };
  } catch (error) {
    if (!(error instanceof StreamVersionConflictError)) throw error;
    return refused({
      kind: 'version-conflict',
      detail: 'Some items of the file were changed by someone else at the same time; nothing was imported, try again',
      expected: null,
      actual: null,
    });
  }
}

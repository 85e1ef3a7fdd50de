import { Injectable } from '@nestjs/common';
import {
  dutyDecider,
  type DutyEvent,
  type DutyFields,
  type DutyState,
  type FieldError,
  parseDutyCommand,
  parsingFirst,
  type PowerItemState,
} from '@fangquan/domain';
import { EventStore, loadAggregates } from '@fangquan/event-store';
import { type DecidedRow, type ImportOptions, type ImportReport, type ImportRow, writeImport } from './catalogue-import';
import { Duties } from './duties.service';
import { LedgerContext } from './ledger-context';
import { type CommandOptions, forbidden, type LedgerActor, type LedgerResult, type Loaded, refused } from './ledger.types';
import { PowerItems } from './power-items.service';
import { dutyStreamId } from './stream-ids';

const decider = parsingFirst(dutyDecider, parseDutyCommand);

/** A duty command's field paths are the sheet's columns. */
const dutyColumnOf = (path: string): string => path;

/** Imports of the duty catalogue (职责目录) from a sheet: every row decided, then all written or none. */
@Injectable()
export class DutyImports {
  constructor(
    private readonly eventStore: EventStore,
    private readonly context: LedgerContext,
    private readonly duties: Duties,
    private readonly powers: PowerItems,
  ) {}

  /**
   * Imports rows of a duty sheet into the actor's county, all or none: a new code is registered, a
   * known one revised (a row that changes nothing writes nothing). A power code outside the county's
   * catalogue, or any other refused row, refuses the import, each named `rows[N].<column>`. The
   * streams of the rows and of the powers they name are read in one round trip each.
   */
  async importCatalogue(
    actor: LedgerActor,
    rows: readonly ImportRow<{ code: string } & DutyFields>[],
    options: CommandOptions & ImportOptions,
  ): Promise<LedgerResult<ImportReport>> {
    const countyId = actor.countyId;
    if (countyId === null) return refused(forbidden('A duty item is registered within a county; the actor belongs to none'));
    const unknownPowers = await this.unknownPowers(countyId, rows);
    const streamIds = rows.map((row) => dutyStreamId(countyId, row.input.code));
    const loaded = await loadAggregates(
      this.eventStore,
      rows.map((row) => this.duties.loadRequest(countyId, row.input.code)),
    );
    const ctx = this.context.forCommand(actor, options);
    const decided = rows.map((row, index): DecidedRow<DutyEvent> => {
      const current = loaded[index] as Loaded<DutyState>;
      const { code, ...fields } = row.input;
      const decision =
        current.state.status === 'none'
          ? decider.decide({ type: 'RegisterDuty', data: { countyId, code, ...fields } }, current.state, ctx.decision)
          : decider.decide({ type: 'ReviseDuty', data: fields }, current.state, ctx.decision);
      return { rowNumber: row.rowNumber, streamId: streamIds[index] as string, loaded: current, decision };
    });
    return writeImport(this.eventStore, decided, ctx.metadata(countyId), dutyColumnOf, {
      ...options,
      rowErrors: [...(options.rowErrors ?? []), ...unknownPowers],
    });
  }

  /** The rows naming a power outside the county's catalogue, each on `powerCode`. */
  private async unknownPowers(countyId: string, rows: readonly ImportRow<DutyFields>[]): Promise<FieldError[]> {
    const codes = [...new Set(rows.flatMap((row) => (row.input.powerCode === undefined ? [] : [row.input.powerCode])))];
    if (codes.length === 0) return [];
    const powers = await loadAggregates(
      this.eventStore,
      codes.map((code) => this.powers.loadRequest(countyId, code, { fromCache: true })),
    );
    const known = new Set(codes.filter((_, index) => (powers[index] as Loaded<PowerItemState>).state.status !== 'none'));
    return rows
      .filter((row) => row.input.powerCode !== undefined && !known.has(row.input.powerCode))
      .map((row) => ({
        field: `rows[${row.rowNumber}].powerCode`,
        message: `${row.input.powerCode} is not in the county's power catalogue`,
      }));
  }
}

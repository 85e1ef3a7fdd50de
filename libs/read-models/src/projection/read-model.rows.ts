import type { EntityManager, ObjectLiteral } from 'typeorm';
import { type GatedWrite, queryPrepared, statementFor } from '@fangquan/event-store';
import { HandoverView } from '../entities/handover-view.entity';
import { PowerItemView } from '../entities/power-item-view.entity';
import { TeamView } from '../entities/team-view.entity';
import { codecOf, type ReadTableCodec } from '../read-table-codec';
import { readinessOf, sameReadiness } from './handover-readiness';

export interface PowerKey {
  readonly countyId: string;
  readonly code: string;
}

/** A power item's key as one string (county ids and codes never hold a NUL). */
export const powerKeyText = (key: PowerKey): string => `${key.countyId}\u0000${key.code}`;

/** What a batch of events names, so that every row it reads or writes is loaded in one query. */
export interface BatchRowKeys {
  /** Handovers with an event in the batch. */
  readonly handoverIds: ReadonlySet<string>;
  /** Teams with an event in the batch: their open handovers are re-assessed. */
  readonly changedTeamIds: ReadonlySet<string>;
  /** Power items with an event in the batch: their open handovers are re-assessed. */
  readonly changedPowers: ReadonlyMap<string, PowerKey>;
  /** Teams and powers readiness reads for handovers recorded in the batch. */
  readonly lookupTeamIds: ReadonlySet<string>;
  readonly lookupPowers: ReadonlyMap<string, PowerKey>;
}

/** The rows of the CTEs h, t and p, each table as one jsonb array. */
const ROWS_AS_JSON = `SELECT (SELECT COALESCE(jsonb_agg(h), '[]'::jsonb) FROM h) AS handovers,
       (SELECT COALESCE(jsonb_agg(t), '[]'::jsonb) FROM t) AS teams,
       (SELECT COALESCE(jsonb_agg(p), '[]'::jsonb) FROM p) AS powers`;

/**
 * Every row a batch touches, in ONE statement: the handovers named by the batch, the open handovers of
 * changed teams and powers (each branch on its own index), and the team and power rows of all of them.
 * Each table comes back as one jsonb array. Planned on each call, never prepared: a generic plan, made
 * without the arrays' sizes, reads the whole handovers table for the teams' branch.
 */
const LOAD_SQL = `WITH h AS (
  SELECT * FROM handovers WHERE id = ANY($1::text[])
  UNION ALL
  SELECT h.* FROM handovers h JOIN teams t ON t.county_id = h.county_id AND t.team_id = h.team_id
   WHERE t.team_id = ANY($2::text[]) AND h.status <> 'revoked'
  UNION ALL
  SELECT h.* FROM handovers h JOIN unnest($3::text[], $4::text[]) AS p(county_id, code) ON h.county_id = p.county_id AND h.power_code = p.code
   WHERE h.status <> 'revoked'
), t AS (
  SELECT * FROM teams WHERE team_id = ANY($2::text[]) OR team_id = ANY($5::text[]) OR team_id IN (SELECT team_id FROM h)
), p AS (
  SELECT * FROM power_items WHERE (county_id, code) IN (
    SELECT * FROM unnest($3::text[], $4::text[]) UNION ALL SELECT * FROM unnest($6::text[], $7::text[]) UNION ALL SELECT county_id, power_code FROM h)
)
${ROWS_AS_JSON}`;

/**
 * The common batch, no team or power changed (handovers recorded, answered, reminded): the named
 * handovers and the team and power rows they and the lookups need, every branch a key lookup. Also
 * planned on each call: prepared, the connection settled on a generic plan while the handovers table
 * was small — a sequential scan — and kept it as the table grew, a cost per batch that grows with the
 * table where the key lookups stay constant (figures in docs/benchmarks.md).
 */
const LOAD_NAMED_SQL = `WITH h AS (
  SELECT * FROM handovers WHERE id = ANY($1::text[])
), t AS (
  SELECT * FROM teams WHERE team_id IN (SELECT unnest($2::text[]) UNION SELECT team_id FROM h)
), p AS (
  SELECT * FROM power_items WHERE (county_id, code) IN (SELECT * FROM unnest($3::text[], $4::text[]) UNION SELECT county_id, power_code FROM h)
)
${ROWS_AS_JSON}`;

type LoadedRows = { handovers: Record<string, unknown>[]; teams: Record<string, unknown>[]; powers: Record<string, unknown>[] };

/** One table's rows of the batch, keyed; which of them the batch changed. */
class BatchTable<Row extends ObjectLiteral> {
  private readonly rows = new Map<string, Row>();
  private readonly changed = new Set<string>();

  constructor(
    readonly codec: ReadTableCodec<Row>,
    private readonly keyOf: (row: Row) => string,
  ) {}

  seed(records: readonly Record<string, unknown>[]): void {
    for (const record of records) {
      const row = this.codec.fromRecord(record);
      this.rows.set(this.keyOf(row), row);
    }
  }

  get(key: string): Row | null {
    return this.rows.get(key) ?? null;
  }

  put(row: Row): void {
    const key = this.keyOf(row);
    this.rows.set(key, row);
    this.changed.add(key);
  }

  all(): IterableIterator<Row> {
    return this.rows.values();
  }

  async flush(tx: EntityManager): Promise<void> {
    const json = this.changedJson();
    if (json === undefined) return;
    await queryPrepared(tx, statementFor('fangquan_read_rows', this.codec.upsertSql), [json]);
    this.changed.clear();
  }

  /** The changed rows as one gated upsert (none when nothing changed). */
  gatedWrites(): GatedWrite[] {
    const json = this.changedJson();
    return json === undefined ? [] : [{ sql: this.codec.gatedUpsertSql, parameters: [json] }];
  }

  private changedJson(): string | undefined {
    if (this.changed.size === 0) return undefined;
    return JSON.stringify([...this.changed].map((key) => this.codec.toRecord(this.rows.get(key) as Row)));
  }
}

/**
 * The read rows of one projection batch, held in memory: loaded in one query before the batch,
 * changed by the events in log order, written back in one upsert per table after it (inside the
 * batch's transaction, so with its checkpoint).
 */
export class BatchRows {
  readonly handovers: BatchTable<HandoverView>;
  readonly teams: BatchTable<TeamView>;
  readonly powers: BatchTable<PowerItemView>;

  private constructor(tx: EntityManager) {
    this.handovers = new BatchTable(codecOf<HandoverView>(tx.connection.getMetadata(HandoverView)), (row) => row.id);
    this.teams = new BatchTable(codecOf<TeamView>(tx.connection.getMetadata(TeamView)), (row) => row.teamId);
    this.powers = new BatchTable(codecOf<PowerItemView>(tx.connection.getMetadata(PowerItemView)), (row) => powerKeyText(row));
  }

  static async load(tx: EntityManager, keys: BatchRowKeys): Promise<BatchRows> {
    const rows = new BatchRows(tx);
    const changedPowers = [...keys.changedPowers.values()];
    const lookupPowers = [...keys.lookupPowers.values()];
    const lookupTeamIds = [...keys.lookupTeamIds];
    const [loaded] =
      keys.changedTeamIds.size === 0 && changedPowers.length === 0
        ? ((await tx.query(LOAD_NAMED_SQL, [
            [...keys.handoverIds],
            lookupTeamIds,
            lookupPowers.map((key) => key.countyId),
            lookupPowers.map((key) => key.code),
          ])) as LoadedRows[])
        : ((await tx.query(LOAD_SQL, [
            [...keys.handoverIds],
            [...keys.changedTeamIds],
            changedPowers.map((key) => key.countyId),
            changedPowers.map((key) => key.code),
            lookupTeamIds,
            lookupPowers.map((key) => key.countyId),
            lookupPowers.map((key) => key.code),
          ])) as LoadedRows[]);
    if (loaded === undefined) throw new Error('read-models: the batch rows query returned no row');
    rows.handovers.seed(loaded.handovers);
    rows.teams.seed(loaded.teams);
    rows.powers.seed(loaded.powers);
    return rows;
  }

  /** Just these handovers, with their teams and powers (the readiness sweep). */
  static loadHandovers(tx: EntityManager, ids: readonly string[]): Promise<BatchRows> {
    return BatchRows.load(tx, {
      handoverIds: new Set(ids),
      changedTeamIds: new Set(),
      changedPowers: new Map(),
      lookupTeamIds: new Set(),
      lookupPowers: new Map(),
    });
  }

  power(key: PowerKey): PowerItemView | null {
    return this.powers.get(powerKeyText(key));
  }

  /** The team of a handover: only one of the same county counts. */
  teamOf(handover: Pick<HandoverView, 'countyId' | 'teamId'>): TeamView | null {
    const team = this.teams.get(handover.teamId);
    return team !== null && team.countyId === handover.countyId ? team : null;
  }

  /**
   * Re-assesses a handover against the power and team rows held here, as of `today`, and marks the
   * row changed when its readiness (or its township's name) differs. True when it changed.
   */
  reassess(handover: HandoverView, today: string): boolean {
    const team = this.teamOf(handover);
    const readiness = readinessOf(
      handover,
      this.power({ countyId: handover.countyId, code: handover.powerCode })?.requirements ?? null,
      team,
      today,
    );
    const townshipName = team?.townshipName ?? handover.townshipName;
    if (sameReadiness(readiness, handover) && townshipName === handover.townshipName) return false;
    this.handovers.put({ ...handover, gaps: readiness.gaps, ready: readiness.ready, townshipName });
    return true;
  }

  /** Every changed row as gated writes: one upsert per table, to go with the batch's checkpoint. */
  gatedWrites(): GatedWrite[] {
    return [...this.powers.gatedWrites(), ...this.teams.gatedWrites(), ...this.handovers.gatedWrites()];
  }

  async flush(tx: EntityManager): Promise<void> {
    await this.powers.flush(tx);
    await this.teams.flush(tx);
    await this.handovers.flush(tx);
  }
}

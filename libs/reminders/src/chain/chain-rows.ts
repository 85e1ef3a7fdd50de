import type { EntityManager } from 'typeorm';
import { queryPrepared, statementFor } from '@fangquan/event-store';
import type { ChainRecord } from './chain-record';
import { type ChainPartition, chainPartitionSql } from './chain-partitions';

/** Raw `reminder_chains` rows in and out, always inside the caller's transaction. */

/** A `reminder_chains` row as the driver (or `to_jsonb`) returns it. */
export interface ChainRowSql {
  handover_id: string;
  county_id: string;
  team_id: string;
  township_id: string;
  township_name: string | null;
  power_code: string;
  power_name: string | null;
  department: string;
  effective_on: string;
  committed: ChainRecord['committed'];
  handover_status: ChainRecord['handoverStatus'];
  handover_version: number;
  episode: number;
  revision: number;
  fingerprint: string | null;
  gaps: ChainRecord['gaps'];
  next_step: number;
  follow_up_due_at: Date | string | null;
  opened_at: Date | string | null;
  closed_at: Date | string | null;
}

const COLUMNS = `handover_id, county_id, team_id, township_id, township_name, power_code, power_name, department, effective_on, committed,
  handover_status, handover_version, episode, revision, fingerprint, gaps, next_step, follow_up_due_at, opened_at, closed_at`;

function iso(value: Date | string | null): string | null {
  if (value === null) return null;
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

export function toRecord(row: ChainRowSql): ChainRecord {
  return {
    handoverId: row.handover_id,
    countyId: row.county_id,
    teamId: row.team_id,
    townshipId: row.township_id,
    townshipName: row.township_name,
    powerCode: row.power_code,
    powerName: row.power_name,
    department: row.department,
    effectiveOn: row.effective_on,
    committed: row.committed,
    handoverStatus: row.handover_status,
    handoverVersion: Number(row.handover_version),
    episode: Number(row.episode),
    revision: Number(row.revision),
    fingerprint: row.fingerprint,
    gaps: row.gaps,
    nextStep: Number(row.next_step),
    followUpDueAt: iso(row.follow_up_due_at),
    openedAt: iso(row.opened_at),
    closedAt: iso(row.closed_at),
  };
}

function toRow(record: ChainRecord, now: string): ChainRowSql & { updated_at: string } {
  return {
    handover_id: record.handoverId,
    county_id: record.countyId,
    team_id: record.teamId,
    township_id: record.townshipId,
    township_name: record.townshipName,
    power_code: record.powerCode,
    power_name: record.powerName,
    department: record.department,
    effective_on: record.effectiveOn,
    committed: record.committed,
    handover_status: record.handoverStatus,
    handover_version: record.handoverVersion,
    episode: record.episode,
    revision: record.revision,
    fingerprint: record.fingerprint,
    gaps: record.gaps,
    next_step: record.nextStep,
    follow_up_due_at: record.followUpDueAt,
    opened_at: record.openedAt,
    closed_at: record.closedAt,
    updated_at: now,
  };
}

export interface ChainSelection {
  readonly ids?: readonly string[];
  readonly teamIds?: readonly string[];
  readonly powers?: readonly { countyId: string; code: string }[];
  /** Only the chains of this partition (a process manager's own): never a lock on another partition's chain. */
  readonly partition?: ChainPartition;
}

/**
 * The chains a batch names, each way of naming them through its own index: the handover ids as they
 * are, the teams' chains through `ix_reminder_chains_team`, the powers' chains through
 * `ix_reminder_chains_power` (one index lookup per (county, power) pair: a lateral join, never a hash
 * join that would scan the table). Their union is an array computed once (an InitPlan), so the outer
 * scan that locks the rows is a primary-key lookup of those ids only. One predicate with the three
 * conditions joined by OR cannot use the indexes (an IN-subquery inside an OR is a filter evaluated
 * row by row), and reads the whole table on every batch: a cost that grows with every handover ever
 * recorded.
 *
 * Planned on each call, never prepared: a generic plan, made without the arrays' sizes, may still
 * prefer a scan of the table for the team branch.
 */
export const LOCK_CHAINS_SQL = `SELECT ${COLUMNS} FROM reminder_chains
   WHERE handover_id = ANY (ARRAY(
       SELECT unnest($1::text[])
       UNION SELECT handover_id FROM reminder_chains WHERE team_id = ANY($2::text[])
       UNION SELECT chain.handover_id FROM unnest($3::text[], $4::text[]) AS power(county_id, code)
         CROSS JOIN LATERAL (SELECT handover_id FROM reminder_chains
                             WHERE county_id = power.county_id AND power_code = power.code) AS chain))
     AND ($5::int IS NULL OR ${chainPartitionSql('handover_id', '$5::int')} = $6::int)
   ORDER BY handover_id FOR UPDATE`;

/** The parameters of LOCK_CHAINS_SQL for `selection`; null when it names no chain. */
export function lockChainsParameters(selection: ChainSelection): unknown[] | null {
  const ids = [...(selection.ids ?? [])];
  const teamIds = [...(selection.teamIds ?? [])];
  const powers = selection.powers ?? [];
  if (ids.length === 0 && teamIds.length === 0 && powers.length === 0) return null;
  const { partition } = selection;
  return [
    ids,
    teamIds,
    powers.map((power) => power.countyId),
    powers.map((power) => power.code),
    partition?.count ?? null,
    partition?.index ?? null,
  ];
}

/** Locks (FOR UPDATE) and returns the selected chains, by handover id. */
export async function lockChains(tx: EntityManager, selection: ChainSelection): Promise<ChainRecord[]> {
  const parameters = lockChainsParameters(selection);
  if (parameters === null) return [];
  const rows = (await tx.query(LOCK_CHAINS_SQL, parameters)) as ChainRowSql[];
  return rows.map(toRecord);
}

/** Locks one chain (a delivery checks it is still current); null when the process manager has not seen the handover. */
export async function lockChain(tx: EntityManager, handoverId: string): Promise<ChainRecord | null> {
  const [row] = (await tx.query(`SELECT ${COLUMNS} FROM reminder_chains WHERE handover_id = $1 FOR UPDATE`, [handoverId])) as ChainRowSql[];
  return row === undefined ? null : toRecord(row);
}

/** Chains after `after` (by handover id) that are not revoked, for the sweeps; no lock. */
export async function openChainsAfter(
  executor: Pick<EntityManager, 'query'>,
  after: string,
  limit: number,
  status?: string,
): Promise<ChainRecord[]> {
  const rows = (await executor.query(
    `SELECT ${COLUMNS} FROM reminder_chains
     WHERE handover_id > $1 AND handover_status <> 'revoked' AND ($3::text IS NULL OR handover_status = $3)
     ORDER BY handover_id LIMIT $2`,
    [after, limit, status ?? null],
  )) as ChainRowSql[];
  return rows.map(toRecord);
}

const SAVE_CHAINS = statementFor(
  'fangquan_save_chains',
  `INSERT INTO reminder_chains (${COLUMNS}, updated_at)
     SELECT ${COLUMNS}, updated_at FROM jsonb_populate_recordset(NULL::reminder_chains, $1::jsonb)
     ON CONFLICT (handover_id) DO UPDATE SET
       township_name = EXCLUDED.township_name, power_name = EXCLUDED.power_name, department = EXCLUDED.department,
       effective_on = EXCLUDED.effective_on, committed = EXCLUDED.committed, handover_status = EXCLUDED.handover_status,
       handover_version = EXCLUDED.handover_version, episode = EXCLUDED.episode, revision = EXCLUDED.revision,
       fingerprint = EXCLUDED.fingerprint, gaps = EXCLUDED.gaps, next_step = EXCLUDED.next_step, follow_up_due_at = EXCLUDED.follow_up_due_at,
       opened_at = EXCLUDED.opened_at, closed_at = EXCLUDED.closed_at, updated_at = EXCLUDED.updated_at`,
);

/** Writes the records in one statement (insert or update). */
export async function saveChains(tx: EntityManager, records: readonly ChainRecord[], now: string): Promise<void> {
  if (records.length === 0) return;
  await queryPrepared(tx, SAVE_CHAINS, [JSON.stringify(records.map((record) => toRow(record, now)))]);
}

/** A step its job delivered moves the chain on to the next one, which the job queues: nothing is left for the relay. */
export async function advanceChain(tx: EntityManager, handoverId: string, nextStep: number): Promise<void> {
  await tx.query(`UPDATE reminder_chains SET next_step = $2, follow_up_due_at = NULL, updated_at = now() WHERE handover_id = $1`, [
    handoverId,
    nextStep,
  ]);
}

/** Whether any chain holds a follow-up due by `dueBy` (the partial index alone; no lock). */
export async function anyFollowUpDueBy(executor: Pick<EntityManager, 'query'>, dueBy: string): Promise<boolean> {
  const [row] = (await executor.query(`SELECT EXISTS (SELECT 1 FROM reminder_chains WHERE follow_up_due_at <= $1::timestamptz) AS due`, [
    dueBy,
  ])) as { due: boolean }[];
  return row?.due === true;
}

/**
 * Locks and returns up to `limit` chains with a follow-up due by `dueBy`, soonest first — skipping the
 * chains another transaction holds (a process manager's batch, a delivery, another relay): the relays
 * of several workers share the work, and never wait on a batch.
 */
export async function lockDueFollowUps(tx: EntityManager, dueBy: string, limit: number): Promise<ChainRecord[]> {
  const rows = (await tx.query(
    `SELECT ${COLUMNS} FROM reminder_chains
     WHERE follow_up_due_at IS NOT NULL AND follow_up_due_at <= $1::timestamptz
     ORDER BY follow_up_due_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
    [dueBy, limit],
  )) as ChainRowSql[];
  return rows.map(toRecord);
}

/** The chains' follow-ups are in the queue now (or were dropped): nothing left for the relay. */
export async function clearFollowUps(tx: EntityManager, handoverIds: readonly string[]): Promise<void> {
  if (handoverIds.length === 0) return;
  await tx.query(`UPDATE reminder_chains SET follow_up_due_at = NULL, updated_at = now() WHERE handover_id = ANY($1::text[])`, [
    handoverIds,
  ]);
}

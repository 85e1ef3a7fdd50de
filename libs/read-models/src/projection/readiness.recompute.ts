import { Brackets, type EntityManager } from 'typeorm';
import type { Commitments, EquipmentLine, Gap, Officer, Requirements, TrainingRecord } from '@fangquan/domain';
import { HandoverView } from '../entities/handover-view.entity';
import { PowerItemView } from '../entities/power-item-view.entity';
import { TeamView } from '../entities/team-view.entity';
import { readinessOf, sameReadiness } from './handover-readiness';

export interface PowerKey {
  readonly countyId: string;
  readonly code: string;
}

export interface TeamKey {
  readonly countyId: string;
  readonly teamId: string;
}

/** Which handovers to re-assess: these ids, every handover of these teams, every handover of these powers. */
export interface HandoverSelection {
  readonly ids?: readonly string[];
  readonly teams?: readonly TeamKey[];
  readonly powers?: readonly PowerKey[];
  /** Revoked handovers are left alone unless asked for (their readiness is frozen at revocation). */
  readonly includeRevoked?: boolean;
}

interface ReadinessRow {
  id: string;
  committed: Commitments;
  department: string;
  effective_on: string;
  gaps: Gap[];
  ready: boolean;
  township_name: string | null;
  requirements: Requirements | null;
  team_id: string | null;
  team_township_name: string | null;
  officers: Officer[] | null;
  equipment: EquipmentLine[] | null;
  training: TrainingRecord[] | null;
}

export interface RecomputeOutcome {
  readonly checked: number;
  readonly changed: number;
}

/**
 * Re-assesses the selected handovers against the current power and team rows as of `today`, inside
 * the caller's transaction, and writes only rows whose readiness (or township name) changed.
 */
export async function recomputeReadiness(tx: EntityManager, selection: HandoverSelection, today: string): Promise<RecomputeOutcome> {
  const ids = [...(selection.ids ?? [])];
  const teams = selection.teams ?? [];
  const powers = selection.powers ?? [];
  if (ids.length === 0 && teams.length === 0 && powers.length === 0) return { checked: 0, changed: 0 };

  const query = tx
    .createQueryBuilder(HandoverView, 'h')
    .leftJoin(PowerItemView, 'p', 'p.county_id = h.county_id AND p.code = h.power_code')
    .leftJoin(TeamView, 't', 't.team_id = h.team_id AND t.county_id = h.county_id')
    .select('h.id', 'id')
    .addSelect('h.committed', 'committed')
    .addSelect('h.department', 'department')
    .addSelect('h.effective_on', 'effective_on')
    .addSelect('h.gaps', 'gaps')
    .addSelect('h.ready', 'ready')
    .addSelect('h.township_name', 'township_name')
    .addSelect('p.requirements', 'requirements')
    .addSelect('t.team_id', 'team_id')
    .addSelect('t.township_name', 'team_township_name')
    .addSelect('t.officers', 'officers')
    .addSelect('t.equipment', 'equipment')
    .addSelect('t.training', 'training')
    .where(
      new Brackets((any) => {
        if (ids.length > 0) any.orWhere('h.id = ANY(CAST(:ids AS text[]))', { ids });
        if (teams.length > 0) {
          any.orWhere('(h.county_id, h.team_id) IN (SELECT * FROM unnest(CAST(:teamCounties AS text[]), CAST(:teamIds AS text[])))', {
            teamCounties: teams.map((team) => team.countyId),
            teamIds: teams.map((team) => team.teamId),
          });
        }
        if (powers.length > 0) {
          any.orWhere('(h.county_id, h.power_code) IN (SELECT * FROM unnest(CAST(:powerCounties AS text[]), CAST(:powerCodes AS text[])))', {
            powerCounties: powers.map((power) => power.countyId),
            powerCodes: powers.map((power) => power.code),
          });
        }
      }),
    )
    .orderBy('h.id');
  if (selection.includeRevoked !== true) query.andWhere("h.status <> 'revoked'");
  const rows = await query.getRawMany<ReadinessRow>();

  const changed: Array<{ id: string; gaps: Gap[]; ready: boolean; townshipName: string | null }> = [];
  for (const row of rows) {
    const team = row.team_id === null ? null : { officers: row.officers ?? [], equipment: row.equipment ?? [], training: row.training ?? [] };
    const readiness = readinessOf({ committed: row.committed, department: row.department, effectiveOn: row.effective_on }, row.requirements, team, today);
    const townshipName = row.team_township_name ?? row.township_name;
    if (sameReadiness(readiness, { ready: row.ready, gaps: row.gaps }) && townshipName === row.township_name) continue;
    changed.push({ id: row.id, gaps: readiness.gaps, ready: readiness.ready, townshipName });
  }
  if (changed.length > 0) {
    // One statement for every changed row of the batch (a team event can touch many handovers).
    await tx.query(
      `UPDATE handovers h SET gaps = u.gaps::jsonb, ready = u.ready, township_name = u.township_name
       FROM unnest($1::text[], $2::text[], $3::boolean[], $4::text[]) AS u(id, gaps, ready, township_name)
       WHERE h.id = u.id`,
      [changed.map((c) => c.id), changed.map((c) => JSON.stringify(c.gaps)), changed.map((c) => c.ready), changed.map((c) => c.townshipName)],
    );
  }
  return { checked: rows.length, changed: changed.length };
}

import type { Gap, Handover, HandoverStatus, Township } from '../api/types';

/** How a township stands for one handed power, as the dashboard colours it. */
export type CellState = 'ready' | 'gaps' | 'unanswered' | 'contested' | 'revoked';

export const CELL_STATES: readonly CellState[] = ['ready', 'gaps', 'unanswered', 'contested', 'revoked'];

export const CELL_COLORS: Record<CellState, { background: string; border: string; text: string }> = {
  ready: { background: '#f6ffed', border: '#52c41a', text: '#237804' },
  gaps: { background: '#fff1f0', border: '#ff4d4f', text: '#a8071a' },
  unanswered: { background: '#fffbe6', border: '#faad14', text: '#ad6800' },
  contested: { background: '#fff2e8', border: '#fa541c', text: '#ad2102' },
  revoked: { background: '#fafafa', border: '#bfbfbf', text: '#8c8c8c' },
};

/**
 * Revoked and contested speak first (so the legend's 有异议 counts what the status card counts); then
 * any gap; then whether the township has answered.
 */
export function cellStateOf(handover: Handover): CellState {
  if (handover.status === 'revoked') return 'revoked';
  if (handover.status === 'contested') return 'contested';
  if (!handover.readiness.ready || handover.readiness.gaps.length > 0) return 'gaps';
  if (handover.status === 'recorded') return 'unanswered';
  return 'ready';
}

export interface PowerColumn {
  code: string;
  name: string;
}

export interface MatrixRow {
  townshipId: string;
  townshipName: string;
  teamId: string | undefined;
  /** By power code: the handover the cell shows (the newest one not revoked, else the newest). */
  cells: Record<string, Handover>;
}

export interface Dashboard {
  powers: PowerColumn[];
  rows: MatrixRow[];
  byStatus: Record<HandoverStatus, number>;
  byCell: Record<CellState, number>;
  total: number;
  biggestGaps: BiggestGap[];
}

export interface BiggestGap {
  resource: Gap['resource'];
  item: string;
  /** Summed over teams, each team once: its largest shortfall among its handovers (their capacity is shared). */
  missing: number;
  handovers: number;
  townships: number;
}

/** The dashboard from every handover of the county (newest first, as the API lists them) and its townships. */
export function buildDashboard(handovers: readonly Handover[], townships: readonly Township[], topGaps = 10): Dashboard {
  const powers = new Map<string, string>();
  const rows = new Map<string, MatrixRow>();
  for (const township of townships)
    rows.set(township.id, { townshipId: township.id, townshipName: township.name, teamId: township.teamId, cells: {} });
  const byStatus: Record<HandoverStatus, number> = { recorded: 0, accepted: 0, contested: 0, active: 0, revoked: 0 };
  const byCell: Record<CellState, number> = { ready: 0, gaps: 0, unanswered: 0, contested: 0, revoked: 0 };
  const gaps = new Map<string, { gap: BiggestGap; byTeam: Map<string, number>; townships: Set<string> }>();

  for (const handover of handovers) {
    byStatus[handover.status] += 1;
    byCell[cellStateOf(handover)] += 1;
    if (!powers.has(handover.powerCode) || (handover.powerName && !powers.get(handover.powerCode)))
      powers.set(handover.powerCode, handover.powerName ?? '');
    let row = rows.get(handover.townshipId);
    if (!row) {
      row = {
        townshipId: handover.townshipId,
        townshipName: handover.townshipName ?? handover.townshipId,
        teamId: handover.teamId,
        cells: {},
      };
      rows.set(handover.townshipId, row);
    }
    const shown = row.cells[handover.powerCode];
    // Newest first: the first seen stays, unless it is revoked and a live one follows.
    if (!shown || (shown.status === 'revoked' && handover.status !== 'revoked')) row.cells[handover.powerCode] = handover;
    if (handover.status === 'revoked') continue;
    for (const gap of handover.readiness.gaps) {
      const key = `${gap.resource}\u0000${gap.item}`;
      const entry = gaps.get(key) ?? {
        gap: { resource: gap.resource, item: gap.item, missing: 0, handovers: 0, townships: 0 },
        byTeam: new Map<string, number>(),
        townships: new Set<string>(),
      };
      // Two handovers to one team needing 2 cameras each lack the same 2 cameras, not 4.
      entry.byTeam.set(handover.teamId, Math.max(entry.byTeam.get(handover.teamId) ?? 0, gap.missing));
      entry.gap.handovers += 1;
      entry.townships.add(handover.townshipId);
      gaps.set(key, entry);
    }
  }

  return {
    powers: [...powers.entries()].map(([code, name]) => ({ code, name })).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
    rows: [...rows.values()].sort((a, b) => a.townshipName.localeCompare(b.townshipName, 'zh-CN')),
    byStatus,
    byCell,
    total: handovers.length,
    biggestGaps: [...gaps.values()]
      .map(({ gap, byTeam, townships: set }) => ({ ...gap, missing: [...byTeam.values()].reduce((a, b) => a + b, 0), townships: set.size }))
      .sort((a, b) => b.missing - a.missing || b.townships - a.townships || a.item.localeCompare(b.item))
      .slice(0, topGaps),
  };
}

import type { EntityManager } from 'typeorm';
import type { Candidate } from '../policy/reminder-recipients';

interface CandidateRow {
  id: string;
  username: string;
  role: string;
  department: string | null;
  township_id: string | null;
  head: boolean;
}

/** Everyone who received a gap reminder of the episode: they hear that the gaps are closed. */
export async function remindedInEpisode(
  tx: EntityManager,
  handoverId: string,
  episode: number,
): Promise<{ recipients: Candidate[]; lastStep: number }> {
  const rows = (await tx.query(
    `SELECT DISTINCT u.id::text AS id, u.username, u.role, u.department, u.township_id::text AS township_id, u.head, max(r.step) OVER () AS last_step
     FROM reminders r JOIN inbox i ON i.reminder_id = r.id JOIN users u ON u.id = i.recipient_user_id
     WHERE r.handover_id = $1 AND r.episode = $2 AND r.kind = 'gap' ORDER BY u.username`,
    [handoverId, episode],
  )) as (CandidateRow & { last_step: number })[];
  return {
    recipients: rows.map((row) => ({
      id: row.id,
      username: row.username,
      role: row.role,
      department: row.department,
      townshipId: row.township_id,
      head: row.head,
    })),
    lastStep: rows.reduce((max, row) => Math.max(max, Number(row.last_step)), 0),
  };
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DecisionOutcome, Gap, InboxKind, ReminderSubject, ReminderSubjectType } from '@fangquan/domain';

/** A reminder in a user's inbox, as `GET /inbox` shows it. */
export interface InboxItem {
  readonly id: string;
  /** Null for a reminder about another subject (`subject`). */
  readonly handoverId: string | null;
  readonly kind: InboxKind;
  readonly gaps?: Gap[];
  /** What the reminder is about when it is not a handover. */
  readonly subject?: ReminderSubject;
  /** decision-made: the decision. */
  readonly outcome?: DecisionOutcome;
  readonly step: number;
  /** ISO-8601. */
  readonly createdAt: string;
  readonly readAt: string | null;
}

interface InboxRow {
  id: string;
  handover_id: string | null;
  subject_type: ReminderSubjectType | null;
  subject_id: string | null;
  subject_title: string | null;
  outcome: DecisionOutcome | null;
  kind: InboxKind;
  gaps: Gap[] | null;
  step: number;
  created_at: Date;
  read_at: Date | null;
}

export const MAX_INBOX_PAGE = 1000;

function toItem(row: InboxRow): InboxItem {
  return {
    id: row.id,
    handoverId: row.handover_id,
    kind: row.kind,
    ...(row.gaps === null ? {} : { gaps: row.gaps }),
    ...(row.subject_type === null || row.subject_id === null
      ? {}
      : { subject: { type: row.subject_type, id: row.subject_id, ...(row.subject_title === null ? {} : { title: row.subject_title }) } }),
    ...(row.outcome === null ? {} : { outcome: row.outcome }),
    step: Number(row.step),
    createdAt: new Date(row.created_at).toISOString(),
    readAt: row.read_at === null ? null : new Date(row.read_at).toISOString(),
  };
}

const COLUMNS = 'id::text AS id, handover_id, subject_type, subject_id, subject_title, outcome, kind, gaps, step, created_at, read_at';

/** The in-app inbox: a user's own reminders only. */
@Injectable()
export class InboxQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first; `unread` only those not read yet; at most `limit` (1..1000). */
  async list(userId: string, options: { unread?: boolean; limit?: number } = {}): Promise<InboxItem[]> {
    const limit = options.limit ?? MAX_INBOX_PAGE;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_INBOX_PAGE)
      throw new RangeError(`limit must be a whole number from 1 to ${MAX_INBOX_PAGE}`);
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM inbox WHERE recipient_user_id = $1::uuid AND ($2::boolean IS NOT TRUE OR read_at IS NULL)
       ORDER BY created_at DESC, id DESC LIMIT $3`,
      [userId, options.unread === true, limit],
    )) as InboxRow[];
    return rows.map(toItem);
  }

  /** Marks the user's own reminder read (the first time only); null when the user has no reminder by that id. */
  async markRead(userId: string, id: string): Promise<InboxItem | null> {
    // An UPDATE answers [rows, count] through TypeORM.
    const [rows] = (await this.dataSource.query(
      `UPDATE inbox SET read_at = COALESCE(read_at, clock_timestamp()) WHERE id = $1::uuid AND recipient_user_id = $2::uuid RETURNING ${COLUMNS}`,
      [id, userId],
    )) as [InboxRow[], number];
    const row = rows[0];
    return row === undefined ? null : toItem(row);
  }

  /** Marks every unread reminder of the user read; how many were unread. */
  async markAllRead(userId: string): Promise<number> {
    const [, count] = (await this.dataSource.query(
      `UPDATE inbox SET read_at = clock_timestamp() WHERE recipient_user_id = $1::uuid AND read_at IS NULL`,
      [userId],
    )) as [unknown[], number];
    return count;
  }
}

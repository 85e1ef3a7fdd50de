import type { EntityManager } from 'typeorm';
import type { Gap, InboxKind, ReminderSubjectType } from '@fangquan/domain';
import type { OutsideChannel } from '../policy/reminder-ids';
import type { ReminderContent, ReminderDetail } from '../policy/reminder-message';

interface ContentRow {
  id: string;
  handover_id: string | null;
  subject_type: ReminderSubjectType | null;
  subject_id: string | null;
  subject_title: string | null;
  kind: InboxKind;
  step: number;
  escalated: boolean;
  gaps: Gap[] | null;
  detail: ReminderDetail | null;
  recipients: { userId: string; username: string }[];
  township_name: string | null;
  power_code: string | null;
  power_name: string | null;
  created_at: Date;
}

/** A delivered reminder as the outside channels describe it; null when there is none by that id. */
export async function loadReminderContent(executor: Pick<EntityManager, 'query'>, reminderId: string): Promise<ReminderContent | null> {
  const [row] = (await executor.query(
    `SELECT id, handover_id, subject_type, subject_id, subject_title, kind, step, escalated, gaps, detail, recipients, township_name, power_code, power_name, created_at FROM reminders WHERE id = $1`,
    [reminderId],
  )) as ContentRow[];
  if (row === undefined) return null;
  return {
    reminderId: row.id,
    kind: row.kind,
    step: Number(row.step),
    escalated: row.escalated,
    handoverId: row.handover_id,
    ...(row.subject_type === null || row.subject_id === null
      ? {}
      : { subject: { type: row.subject_type, id: row.subject_id, ...(row.subject_title === null ? {} : { title: row.subject_title }) } }),
    townshipName: row.township_name,
    powerCode: row.power_code,
    powerName: row.power_name,
    gaps: row.gaps,
    detail: row.detail,
    recipients: row.recipients.map((recipient) => recipient.username),
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** Records one attempt of an outside delivery. */
export async function recordAttempt(
  executor: Pick<EntityManager, 'query'>,
  attempt: {
    reminderId: string;
    channel: OutsideChannel;
    recipient: string;
    status: 'pending' | 'delivered' | 'failed';
    error: string | null;
  },
): Promise<void> {
  await executor.query(
    `INSERT INTO reminder_deliveries (reminder_id, channel, recipient, status, attempts, last_error, updated_at)
     VALUES ($1, $2, $3, $4, 1, $5, clock_timestamp())
     ON CONFLICT (reminder_id, channel, recipient) DO UPDATE SET
       status = EXCLUDED.status, attempts = reminder_deliveries.attempts + 1, last_error = EXCLUDED.last_error, updated_at = EXCLUDED.updated_at`,
    [attempt.reminderId, attempt.channel, attempt.recipient, attempt.status, attempt.error],
  );
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Gap, ReminderKind } from '@fangquan/domain';
import type { DeliveryChannel } from '../policy/reminder-ids';
import type { DeliveryStatus } from '../schema/reminder-delivery.entity';

export interface DeliveryView {
  readonly channel: DeliveryChannel;
  readonly recipient: string;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly updatedAt: string;
}

/** A reminder of a handover with its deliveries, as `GET /handovers/:id/reminders` shows it. */
export interface HandoverReminderView {
  readonly id: string;
  readonly kind: ReminderKind;
  readonly step: number;
  readonly escalated: boolean;
  readonly gaps?: Gap[];
  readonly recipients: string[];
  readonly createdAt: string;
  readonly deliveries: DeliveryView[];
}

interface ReminderRowSql {
  id: string;
  kind: ReminderKind;
  step: number;
  escalated: boolean;
  gaps: Gap[] | null;
  recipients: { username: string }[];
  created_at: Date;
  deliveries: {
    channel: DeliveryChannel;
    recipient: string;
    status: DeliveryStatus;
    attempts: number;
    last_error: string | null;
    updated_at: string;
  }[];
}

/** Every reminder of a handover, oldest first, with each delivery's channel, status and attempts. */
@Injectable()
export class HandoverReminderQueries {
  constructor(private readonly dataSource: DataSource) {}

  async list(handoverId: string): Promise<HandoverReminderView[]> {
    const rows = (await this.dataSource.query(
      `SELECT r.id, r.kind, r.step, r.escalated, r.gaps, r.recipients, r.created_at,
              COALESCE((SELECT jsonb_agg(jsonb_build_object('channel', d.channel, 'recipient', d.recipient, 'status', d.status, 'attempts', d.attempts,
                                                            'last_error', d.last_error, 'updated_at', d.updated_at) ORDER BY d.channel, d.recipient)
                        FROM reminder_deliveries d WHERE d.reminder_id = r.id), '[]'::jsonb) AS deliveries
       FROM reminders r WHERE r.handover_id = $1 ORDER BY r.created_at, r.id`,
      [handoverId],
    )) as ReminderRowSql[];
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      step: Number(row.step),
      escalated: row.escalated,
      ...(row.gaps === null ? {} : { gaps: row.gaps }),
      recipients: row.recipients.map((recipient) => recipient.username),
      createdAt: new Date(row.created_at).toISOString(),
      deliveries: row.deliveries.map((d) => ({
        channel: d.channel,
        recipient: d.recipient,
        status: d.status,
        attempts: Number(d.attempts),
        lastError: d.last_error,
        updatedAt: new Date(d.updated_at).toISOString(),
      })),
    }));
  }
}

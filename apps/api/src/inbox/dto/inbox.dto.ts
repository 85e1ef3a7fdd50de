import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import {
  DECISION_OUTCOMES,
  type DecisionOutcome,
  INBOX_KINDS,
  type InboxKind,
  REMINDER_KINDS,
  REMINDER_SUBJECT_TYPES,
  type ReminderKind,
  type ReminderSubjectType,
} from '@fangquan/domain';
import { DELIVERY_CHANNELS, type DeliveryChannel, DELIVERY_STATUSES, type DeliveryStatus, MAX_INBOX_PAGE } from '@fangquan/reminders';
import { GapDto } from '../../handovers/dto/handover.dto';
import { booleanText } from '../../http/dto/page.query';

export class InboxQuery {
  @ApiPropertyOptional({ type: Boolean, description: 'true: only reminders not read yet' })
  @IsOptional()
  @Transform(booleanText)
  @IsBoolean({ message: 'unread must be true or false' })
  unread?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_INBOX_PAGE, default: MAX_INBOX_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_INBOX_PAGE)
  limit?: number;
}

export class ReminderSubjectDto {
  @ApiProperty({ enum: REMINDER_SUBJECT_TYPES, enumName: 'ReminderSubjectType' })
  type!: ReminderSubjectType;

  @ApiProperty({ description: 'The request id or the whistle id' })
  id!: string;

  @ApiPropertyOptional({ description: "The task's title, the recalled duty's code or the request's reason, the whistle's matter" })
  title?: string;
}

export class InboxItemDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Null for a reminder about another subject (`subject`)' })
  handoverId!: string | null;

  @ApiProperty({
    enum: INBOX_KINDS,
    enumName: 'InboxKind',
    description:
      'decision-due: a request awaits the county office decision; decision-made: the requester hears the decision; supervision: a whistle step is overdue',
  })
  kind!: InboxKind;

  @ApiPropertyOptional({ type: ReminderSubjectDto, description: 'What the reminder is about when it is not a handover' })
  subject?: ReminderSubjectDto;

  @ApiPropertyOptional({ enum: DECISION_OUTCOMES, enumName: 'DecisionOutcome', description: 'decision-made: the decision' })
  outcome?: DecisionOutcome;

  @ApiPropertyOptional({ type: GapDto, isArray: true, description: 'What is missing (gap reminders)' })
  gaps?: GapDto[];

  @ApiProperty({ description: '0 for the first reminder of a chain; escalated after the last REMINDER_STEPS delay' })
  step!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  readAt!: string | null;
}

export class MarkedReadDto {
  @ApiProperty({ example: 3, description: 'How many reminders were unread and are now read' })
  read!: number;
}

export class DeliveryDto {
  @ApiProperty({ enum: DELIVERY_CHANNELS })
  channel!: DeliveryChannel;

  @ApiProperty({ description: 'Inbox: the username; webhook, DingTalk and WeCom robots: the URL (without query); e-mail: the address' })
  recipient!: string;

  @ApiProperty({ enum: DELIVERY_STATUSES })
  status!: DeliveryStatus;

  @ApiProperty()
  attempts!: number;

  @ApiProperty({ nullable: true, type: String, description: "The last failure (e.g. the SMTP server's reply)" })
  lastError!: string | null;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class HandoverReminderDto {
  @ApiProperty({ description: 'The reminder id (deterministic: one per chain step, notice and threshold)' })
  id!: string;

  @ApiProperty({ enum: REMINDER_KINDS, enumName: 'ReminderKind' })
  kind!: ReminderKind;

  @ApiProperty()
  step!: number;

  @ApiProperty({ description: 'Sent to the county office heads as well' })
  escalated!: boolean;

  @ApiPropertyOptional({ type: GapDto, isArray: true })
  gaps?: GapDto[];

  @ApiProperty({ type: String, isArray: true, description: 'Usernames reminded in the inbox' })
  recipients!: string[];

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: DeliveryDto, isArray: true })
  deliveries!: DeliveryDto[];
}

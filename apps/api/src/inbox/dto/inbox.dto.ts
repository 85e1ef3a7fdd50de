import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { REMINDER_KINDS, type ReminderKind } from '@fangquan/domain';
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

export class InboxItemDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  handoverId!: string;

  @ApiProperty({ enum: REMINDER_KINDS, enumName: 'ReminderKind' })
  kind!: ReminderKind;

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

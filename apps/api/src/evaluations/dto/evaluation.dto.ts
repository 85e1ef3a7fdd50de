import { ApiProperty } from '@nestjs/swagger';
import {
  DUTY_CATEGORIES,
  EVALUATION_FLAGS,
  type EvaluationFlag,
  HANDOVER_MODES,
  type HandoverMode,
  type HandoverStatus,
  REMINDER_KINDS,
  type ReminderKind,
} from '@fangquan/domain';
import { EquipmentLineDto } from '../../catalogue/dto/requirements.dto';
import { CommitmentsDto } from '../../handovers/dto/commitments.dto';
import { GapDto } from '../../handovers/dto/handover.dto';
import { LISTED_STATUSES } from '../../handovers/dto/list-handovers.query';

const DELIVERY_RESOURCES = ['officers', 'equipment', 'training'] as const;

export class CommittedLineDeliveryDto {
  @ApiProperty({ enum: DELIVERY_RESOURCES })
  resource!: (typeof DELIVERY_RESOURCES)[number];

  @ApiProperty({ description: 'The certificate number, the equipment kind or the course' })
  item!: string;

  @ApiProperty({ description: '1 for an officer, the quantity of equipment, the hours of training' })
  quantity!: number;

  @ApiProperty({ format: 'date', description: 'The effective date (officers, equipment) or the scheduled date (training)' })
  dueOn!: string;

  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'null while not delivered by the end of the period' })
  deliveredOn!: string | null;

  @ApiProperty({ description: 'Days after dueOn it came, or (still missing) up to the end of the period' })
  lateDays!: number;
}

export class CommittedDeliveredDto {
  @ApiProperty({ description: 'Lines promised with the handover' })
  promised!: number;

  @ApiProperty({ description: 'Of them, delivered by the end of the period' })
  delivered!: number;

  @ApiProperty({ description: 'Days late, summed over the lines' })
  lateDays!: number;

  @ApiProperty({ type: CommittedLineDeliveryDto, isArray: true })
  lines!: CommittedLineDeliveryDto[];
}

export class HandoverEvaluationDto {
  @ApiProperty({ format: 'uuid' })
  handoverId!: string;

  @ApiProperty({ format: 'uuid' })
  townshipId!: string;

  @ApiProperty({ format: 'uuid' })
  teamId!: string;

  @ApiProperty()
  powerCode!: string;

  @ApiProperty()
  department!: string;

  @ApiProperty({ enum: LISTED_STATUSES, description: 'At the end of the period' })
  status!: Exclude<HandoverStatus, 'none'>;

  @ApiProperty({ format: 'date' })
  recordedOn!: string;

  @ApiProperty({ description: 'Days of the period the handover existed (recorded, not revoked)' })
  days!: number;

  @ApiProperty({ description: 'Of them, days it was ready at the end of the day' })
  readyDays!: number;

  @ApiProperty({ nullable: true, type: Number, description: 'readyDays / days (0–1); null when it existed no day of the period' })
  readyShare!: number | null;

  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Days from the recording to the first ready day; null if never by the end of the period',
  })
  daysToFirstReady!: number | null;

  @ApiProperty({ description: 'Cases (办件量) recorded for the months the period touches' })
  cases!: number;

  @ApiProperty({ description: 'Reminders sent within the period' })
  remindersSent!: number;

  @ApiProperty({
    type: Number,
    isArray: true,
    description: 'Per stretch of gaps closed in the period after a reminder: days from the first reminder',
  })
  gapClosedAfterReminderDays!: number[];

  @ApiProperty({ description: 'Recall requests filed within the period' })
  recallRequests!: number;

  @ApiProperty({ type: CommittedDeliveredDto })
  committedDelivered!: CommittedDeliveredDto;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: "Days not ready, per party responsible for a gap (a department or 'county-office')",
  })
  gapDays!: Record<string, number>;

  @ApiProperty({ enum: EVALUATION_FLAGS, isArray: true })
  flags!: EvaluationFlag[];
}

export class EvaluationTotalsDto {
  @ApiProperty()
  handovers!: number;

  @ApiProperty()
  days!: number;

  @ApiProperty()
  readyDays!: number;

  @ApiProperty({ nullable: true, type: Number })
  readyShare!: number | null;

  @ApiProperty()
  cases!: number;

  @ApiProperty()
  remindersSent!: number;

  @ApiProperty()
  recallRequests!: number;

  @ApiProperty({ description: 'Handovers flagged zero-use' })
  zeroUse!: number;

  @ApiProperty({ description: 'Handovers flagged never-ready' })
  neverReady!: number;

  @ApiProperty({ description: 'Handovers flagged recall-requested' })
  recallRequested!: number;

  @ApiProperty()
  promised!: number;

  @ApiProperty()
  delivered!: number;

  @ApiProperty()
  lateDays!: number;
}

export class TownshipTotalsDto extends EvaluationTotalsDto {
  @ApiProperty({ format: 'uuid' })
  townshipId!: string;
}

export class PowerTotalsDto extends EvaluationTotalsDto {
  @ApiProperty()
  powerCode!: string;
}

export class DepartmentTotalsDto {
  @ApiProperty({ description: "A department, or 'county-office' for gaps nobody promised to fill" })
  department!: string;

  @ApiProperty({ description: 'Handovers it handed down' })
  handovers!: number;

  @ApiProperty()
  promised!: number;

  @ApiProperty()
  delivered!: number;

  @ApiProperty()
  deliveredOnTime!: number;

  @ApiProperty()
  lateDays!: number;

  @ApiProperty({ description: 'Days handovers were not ready for a gap it was responsible for' })
  gapDays!: number;
}

export class EvaluationTotalsByDto {
  @ApiProperty({ type: TownshipTotalsDto, isArray: true })
  townships!: TownshipTotalsDto[];

  @ApiProperty({ type: PowerTotalsDto, isArray: true })
  powers!: PowerTotalsDto[];

  @ApiProperty({ type: DepartmentTotalsDto, isArray: true })
  departments!: DepartmentTotalsDto[];
}

export class ReadinessPointDto {
  @ApiProperty({ format: 'uuid' })
  townshipId!: string;

  @ApiProperty({ example: '2026-03' })
  month!: string;

  @ApiProperty()
  days!: number;

  @ApiProperty()
  readyDays!: number;

  @ApiProperty({ nullable: true, type: Number })
  readyShare!: number | null;
}

export class PeriodEvaluationDto {
  @ApiProperty({ format: 'date' })
  from!: string;

  @ApiProperty({ format: 'date', description: 'The last day evaluated (at most today)' })
  to!: string;

  @ApiProperty({ type: HandoverEvaluationDto, isArray: true })
  handovers!: HandoverEvaluationDto[];

  @ApiProperty({ type: EvaluationTotalsByDto })
  totals!: EvaluationTotalsByDto;

  @ApiProperty({ type: ReadinessPointDto, isArray: true, description: 'Readiness per township, month by month' })
  series!: ReadinessPointDto[];
}

export class AsOfHandoverDto {
  @ApiProperty({ format: 'uuid' })
  handoverId!: string;

  @ApiProperty()
  powerCode!: string;

  @ApiProperty()
  department!: string;

  @ApiProperty({ enum: HANDOVER_MODES })
  mode!: HandoverMode;

  @ApiProperty({ enum: LISTED_STATUSES })
  status!: Exclude<HandoverStatus, 'none'>;

  @ApiProperty({ format: 'date' })
  effectiveOn!: string;

  @ApiProperty({ format: 'date', nullable: true, type: String })
  endsOn!: string | null;

  @ApiProperty({ description: 'false once revoked' })
  ready!: boolean;

  @ApiProperty({ type: GapDto, isArray: true })
  gaps!: GapDto[];

  @ApiProperty({ type: CommitmentsDto })
  committed!: CommitmentsDto;
}

export class AsOfOfficerDto {
  @ApiProperty()
  officerId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  certificateNumber!: string;

  @ApiProperty({ format: 'date' })
  certificateExpiresOn!: string;

  @ApiProperty({ description: 'The certificate was valid on the day' })
  certified!: boolean;
}

export class AsOfTrainingDto {
  @ApiProperty()
  course!: string;

  @ApiProperty({ description: 'Current officers who had completed it' })
  officers!: number;

  @ApiProperty()
  hours!: number;
}

export class AsOfTeamDto {
  @ApiProperty({ nullable: true, type: String })
  teamId!: string | null;

  @ApiProperty()
  certifiedOfficers!: number;

  @ApiProperty({ type: AsOfOfficerDto, isArray: true })
  officers!: AsOfOfficerDto[];

  @ApiProperty({ type: EquipmentLineDto, isArray: true })
  equipment!: EquipmentLineDto[];

  @ApiProperty({ type: AsOfTrainingDto, isArray: true })
  training!: AsOfTrainingDto[];
}

export class DutyCategoryCountsDto {
  @ApiProperty()
  basic!: number;

  @ApiProperty()
  assisting!: number;

  @ApiProperty()
  returned!: number;
}

export class AsOfDutyListDto {
  @ApiProperty()
  version!: number;

  @ApiProperty({ format: 'date-time' })
  publishedAt!: string;

  @ApiProperty()
  decisionRef!: string;

  @ApiProperty({ type: DutyCategoryCountsDto, description: `Items per category (${DUTY_CATEGORIES.join(', ')})` })
  counts!: DutyCategoryCountsDto;
}

export class AsOfReminderDto {
  @ApiProperty({ format: 'uuid' })
  handoverId!: string;

  @ApiProperty()
  powerCode!: string;

  @ApiProperty()
  reminderId!: string;

  @ApiProperty({ enum: REMINDER_KINDS })
  kind!: ReminderKind;

  @ApiProperty()
  step!: number;

  @ApiProperty({ type: String, isArray: true })
  recipients!: string[];

  @ApiProperty({ format: 'date-time' })
  sentAt!: string;

  @ApiProperty({ type: GapDto, isArray: true })
  gaps!: GapDto[];
}

export class LogPlaceDto {
  @ApiProperty({ description: 'Global position in the log' })
  position!: string;

  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;
}

export class AsOfEvidenceDto {
  @ApiProperty({ format: 'date' })
  date!: string;

  @ApiProperty({ format: 'uuid' })
  townshipId!: string;

  @ApiProperty({ nullable: true, type: String })
  townshipName!: string | null;

  @ApiProperty({ type: AsOfHandoverDto, isArray: true })
  handovers!: AsOfHandoverDto[];

  @ApiProperty({ type: AsOfTeamDto })
  team!: AsOfTeamDto;

  @ApiProperty({ type: AsOfDutyListDto, nullable: true, description: 'The version in force at the end of the day' })
  dutyList!: AsOfDutyListDto | null;

  @ApiProperty({ type: AsOfReminderDto, isArray: true, description: 'Reminders sent up to the end of the day' })
  reminders!: AsOfReminderDto[];

  @ApiProperty({ type: LogPlaceDto, nullable: true, description: 'The last event of the record read' })
  lastEvent!: LogPlaceDto | null;
}

import { ApiProperty } from '@nestjs/swagger';
import { GAP_RESOURCES, type GapResource, HANDOVER_MODES, type HandoverMode, type HandoverStatus } from '@fangquan/domain';
import { CommitmentsDto } from './commitments.dto';
import { LISTED_STATUSES } from './list-handovers.query';

export class GapDto {
  @ApiProperty({ enum: GAP_RESOURCES, enumName: 'GapResource' })
  resource!: GapResource;

  @ApiProperty({ example: 'body-camera', description: "'certified-officer' for officers, the course for training, the kind for equipment" })
  item!: string;

  @ApiProperty({ example: 2 })
  required!: number;

  @ApiProperty({ example: 0 })
  available!: number;

  @ApiProperty({ example: 2 })
  missing!: number;

  @ApiProperty({
    example: '城市管理局',
    description: "The department that committed the missing resource and has not delivered it, else 'county-office'",
  })
  responsible!: string;
}

export class ReadinessDto {
  @ApiProperty({ description: 'No gaps' })
  ready!: boolean;

  @ApiProperty({ type: GapDto, isArray: true })
  gaps!: GapDto[];
}

export class HandoverDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  countyId!: string;

  @ApiProperty({ example: 'CF-CG-0001' })
  powerCode!: string;

  @ApiProperty({ example: '对随地吐痰、乱扔果皮纸屑烟头等废弃物的处罚', nullable: true, type: String })
  powerName!: string | null;

  @ApiProperty({ format: 'uuid' })
  teamId!: string;

  @ApiProperty({ format: 'uuid' })
  townshipId!: string;

  @ApiProperty({ example: '西平街道', nullable: true, type: String })
  townshipName!: string | null;

  @ApiProperty({ example: '城市管理局', description: 'The department handing the power over' })
  department!: string;

  @ApiProperty({ enum: LISTED_STATUSES, enumName: 'HandoverStatus' })
  status!: Exclude<HandoverStatus, 'none'>;

  @ApiProperty({ enum: HANDOVER_MODES, enumName: 'HandoverMode' })
  mode!: HandoverMode;

  @ApiProperty({ example: '沾政发〔2025〕12号' })
  instrument!: string;

  @ApiProperty({ example: '2025-07-01', format: 'date' })
  effectiveOn!: string;

  @ApiProperty({ example: '2027-06-30', format: 'date', nullable: true, type: String, description: 'Entrustments only' })
  endsOn!: string | null;

  @ApiProperty({ type: CommitmentsDto })
  committed!: CommitmentsDto;

  @ApiProperty({ type: ReadinessDto, description: "The power's requirements against the team as it is (delivered, not promised)" })
  readiness!: ReadinessDto;

  @ApiProperty({ example: 1, description: 'Stream version; send it back as If-Match' })
  version!: number;

  @ApiProperty({ format: 'date-time' })
  recordedAt!: string;

  @ApiProperty({ format: 'date-time', description: 'When the last event of the handover happened' })
  updatedAt!: string;
}

export class HandoverListDto {
  @ApiProperty({ type: HandoverDto, isArray: true })
  items!: HandoverDto[];

  @ApiProperty({ example: 42, description: 'All matches, over every page' })
  total!: number;
}

export class HistoryEntryDto {
  @ApiProperty({ example: 'HandoverRecorded', description: 'The stable event type' })
  type!: string;

  @ApiProperty({ example: 1 })
  version!: number;

  @ApiProperty({ example: '2025-03-01T08:00:00.000Z', format: 'date-time' })
  occurredAt!: string;

  @ApiProperty({ example: 'cg.zhang', description: 'Who caused the event (a username, or the system for reminders)' })
  actor!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: "The event's payload" })
  data!: Record<string, unknown>;
}

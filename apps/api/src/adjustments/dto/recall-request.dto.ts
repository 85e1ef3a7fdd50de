import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { RECALL_STATUSES, type RecallStatus } from '@fangquan/domain';
import { LABEL_MAX, TEXT_MAX, trimmed } from '../../http/dto/text';

export class FileRecallRequestDto {
  @ApiProperty({ format: 'uuid', description: 'The township that hands the item back (a township user: its own)' })
  @IsUUID('all')
  townshipId!: string;

  @ApiPropertyOptional({ description: 'The handover of the power to hand back; exactly one of handoverId and dutyCode' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(LABEL_MAX)
  handoverId?: string;

  @ApiPropertyOptional({ example: 'ZR-NY-0012', description: "The duty of the township's list to hand back" })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(LABEL_MAX)
  dutyCode?: string;

  @ApiProperty({ example: '街道无持证动物检疫员，无法承接', maxLength: TEXT_MAX })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  reason!: string;
}

export class RecallDecisionDto {
  @ApiProperty({ description: 'true: approved (收回); false: rejected' })
  @IsBoolean()
  approved!: boolean;

  @ApiProperty({ example: '近两年无办件，同意收回', maxLength: TEXT_MAX })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  reason!: string;

  @ApiPropertyOptional({
    example: '沾编办〔2025〕7号',
    maxLength: LABEL_MAX,
    description: 'The decision document number; required to approve',
  })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(LABEL_MAX)
  decisionRef?: string;

  @ApiPropertyOptional({
    example: '农业农村局',
    maxLength: LABEL_MAX,
    description: "Who takes a duty item back; the duty's lead department when absent",
  })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(LABEL_MAX)
  department?: string;
}

export class ListRecallRequestsQuery {
  @ApiPropertyOptional({ enum: RECALL_STATUSES, enumName: 'RecallStatus' })
  @IsOptional()
  @IsIn(RECALL_STATUSES)
  status?: RecallStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(LABEL_MAX)
  townshipId?: string;
}

export class RecallDecisionViewDto {
  @ApiProperty() reason!: string;
  @ApiPropertyOptional() decisionRef?: string;
  @ApiPropertyOptional({ description: 'Who takes a duty item back' }) department?: string;
  @ApiProperty() decidedBy!: string;
  @ApiProperty({ format: 'date-time' }) decidedAt!: string;
}

export class RecallRequestDto {
  @ApiProperty() id!: string;
  @ApiProperty() countyId!: string;
  @ApiProperty() townshipId!: string;
  @ApiPropertyOptional() handoverId?: string;
  @ApiPropertyOptional() dutyCode?: string;
  @ApiProperty() reason!: string;
  @ApiProperty() filedBy!: string;
  @ApiProperty({ format: 'date-time' }) filedAt!: string;
  @ApiProperty({ enum: RECALL_STATUSES, enumName: 'RecallStatus' }) status!: RecallStatus;
  @ApiProperty({
    format: 'date-time',
    description: 'When the county office is reminded if still undecided (DECISION_REMINDER_DAYS working days after filing)',
  })
  decisionDueAt!: string;
  @ApiProperty({ description: 'Still pending past decisionDueAt' }) overdue!: boolean;
  @ApiProperty({ type: RecallDecisionViewDto, nullable: true }) decision!: RecallDecisionViewDto | null;
}

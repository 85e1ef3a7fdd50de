import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { ADMISSION_STATUSES, type AdmissionStatus } from '@fangquan/domain';
import { IsCalendarDate } from '../../http/dto/calendar-date.validator';
import { LABEL_MAX, TEXT_MAX, trimmed } from '../../http/dto/text';

export class EquipmentMeansDto {
  @ApiProperty({ example: 'sprayer' }) kind!: string;
  @ApiProperty({ example: 4, minimum: 1 }) quantity!: number;
}

export class TrainingMeansDto {
  @ApiProperty({ example: '草地贪夜蛾防控' }) course!: string;
  @ApiProperty({ example: 6, minimum: 0 }) hours!: number;
}

/** The means that come with a task; each part optional, none negative (checked, each bad field named, by the domain). */
export class TaskMeansDto {
  @ApiPropertyOptional({ example: 2, minimum: 0, description: 'People who come with the task' }) staff?: number;
  @ApiPropertyOptional({ example: 80000, minimum: 0 }) budgetYuan?: number;
  @ApiPropertyOptional({ type: EquipmentMeansDto, isArray: true }) equipment?: EquipmentMeansDto[];
  @ApiPropertyOptional({ type: TrainingMeansDto, isArray: true }) training?: TrainingMeansDto[];
}

export class FileTaskAdmissionDto {
  @ApiProperty({ example: '草地贪夜蛾监测防控', maxLength: LABEL_MAX })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(LABEL_MAX)
  title!: string;

  @ApiProperty({ example: '在玉米种植区布设监测点，每周巡查一次并上报虫情', maxLength: TEXT_MAX })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  description!: string;

  @ApiProperty({ type: String, isArray: true, description: 'Townships of the county (at least one, each once)' })
  @IsArray()
  townshipIds!: string[];

  @ApiPropertyOptional({ example: '《农作物病虫害防治条例》第十四条', maxLength: TEXT_MAX })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(TEXT_MAX)
  legalBasis?: string;

  @ApiProperty({ type: TaskMeansDto, description: 'Staff, money, equipment, training; a task with none of them is never admitted' })
  @IsObject()
  means!: TaskMeansDto;

  @ApiProperty({ example: '2025-04-01', format: 'date' })
  @IsCalendarDate()
  startsOn!: string;

  @ApiPropertyOptional({
    example: '2025-09-30',
    format: 'date',
    description: 'Not before startsOn; the task leaves the lists the day after',
  })
  @IsOptional()
  @IsCalendarDate()
  endsOn?: string;
}

export class TaskAdmissionDecisionDto {
  @ApiProperty({ description: 'true: admitted (准入); false: refused' })
  @IsBoolean()
  admitted!: boolean;

  @ApiProperty({ example: '属地巡查确需乡镇配合，经费人员随事项下沉', maxLength: TEXT_MAX })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  reason!: string;
}

export class ListTaskAdmissionsQuery {
  @ApiPropertyOptional({ enum: ADMISSION_STATUSES, enumName: 'AdmissionStatus' })
  @IsOptional()
  @IsIn(ADMISSION_STATUSES)
  status?: AdmissionStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(LABEL_MAX)
  townshipId?: string;
}

export class TaskAdmissionDecisionViewDto {
  @ApiProperty() reason!: string;
  @ApiProperty() decidedBy!: string;
  @ApiProperty({ format: 'date-time' }) decidedAt!: string;
}

export class TaskAdmissionDto {
  @ApiProperty() id!: string;
  @ApiProperty() countyId!: string;
  @ApiProperty() department!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: String, isArray: true }) townshipIds!: string[];
  @ApiPropertyOptional() legalBasis?: string;
  @ApiProperty({ type: TaskMeansDto }) means!: TaskMeansDto;
  @ApiProperty({ format: 'date' }) startsOn!: string;
  @ApiPropertyOptional({ format: 'date' }) endsOn?: string;
  @ApiProperty() filedBy!: string;
  @ApiProperty({ format: 'date-time' }) filedAt!: string;
  @ApiProperty({ enum: ADMISSION_STATUSES, enumName: 'AdmissionStatus' }) status!: AdmissionStatus;
  @ApiProperty({
    format: 'date-time',
    description: 'When the county office is reminded if still undecided (DECISION_REMINDER_DAYS working days after filing)',
  })
  decisionDueAt!: string;
  @ApiProperty({ description: 'Still pending past decisionDueAt' }) overdue!: boolean;
  @ApiProperty({ type: TaskAdmissionDecisionViewDto, nullable: true }) decision!: TaskAdmissionDecisionViewDto | null;
}

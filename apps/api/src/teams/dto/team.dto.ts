import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsNumber, IsOptional, IsPositive, IsString, IsUUID, Max, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../../handovers/dto/calendar-date.validator';
import { LABEL_MAX, TEXT_MAX, trimmed } from '../../handovers/dto/text';
import { EquipmentLineDto } from '../../catalogue/dto/requirements.dto';

export class AddOfficerDto {
  @ApiProperty({ example: '李明', maxLength: LABEL_MAX })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(LABEL_MAX)
  name!: string;

  @ApiProperty({ example: '53030020230001', maxLength: LABEL_MAX, description: 'Enforcement certificate (执法证) number' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(LABEL_MAX)
  certificateNumber!: string;

  @ApiProperty({ example: '2029-06-30', format: 'date' })
  @IsCalendarDate()
  certificateExpiresOn!: string;

  @ApiPropertyOptional({
    example: '市场监管局',
    maxLength: LABEL_MAX,
    description: 'The department the officer is seconded from (下沉), if any',
  })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(LABEL_MAX)
  secondedFrom?: string;
}

export class AddOfficerResponseDto {
  @ApiProperty({ format: 'uuid' })
  officerId!: string;

  @ApiProperty({ example: 2, description: "The team's stream version" })
  version!: number;
}

export class ReceiveEquipmentDto extends EquipmentLineDto {}

export class WriteOffEquipmentDto extends EquipmentLineDto {
  @ApiProperty({ example: '损坏报废', maxLength: TEXT_MAX })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  reason!: string;
}

export class RecordTrainingDto {
  @ApiProperty({ format: 'uuid', description: 'An officer on the team' })
  @IsUUID('all')
  officerId!: string;

  @ApiProperty({
    example: '市容环卫执法实务',
    maxLength: LABEL_MAX,
    description: "A code of the county's training courses (GET /vocabularies/training-courses); another is 400 unknown-training-course",
  })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(LABEL_MAX)
  course!: string;

  @ApiProperty({ example: 4, minimum: 0, maximum: 10000 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive()
  @Max(10000)
  hours!: number;

  @ApiProperty({ example: '2025-03-01', format: 'date', description: 'Not after today' })
  @IsCalendarDate()
  completedOn!: string;
}

export class RecordTrainingResponseDto {
  @ApiProperty({ format: 'uuid' })
  trainingId!: string;

  @ApiProperty({ example: 5, description: "The team's stream version" })
  version!: number;
}

export class OfficerDto {
  @ApiProperty({ format: 'uuid' })
  officerId!: string;

  @ApiProperty({ example: '李明' })
  name!: string;

  @ApiProperty({ example: '53030020230001' })
  certificateNumber!: string;

  @ApiProperty({ example: '2029-06-30', format: 'date' })
  certificateExpiresOn!: string;

  @ApiPropertyOptional({ example: '市场监管局' })
  secondedFrom?: string;
}

export class TrainingRecordDto {
  @ApiProperty({ format: 'uuid' })
  trainingId!: string;

  @ApiProperty({ format: 'uuid' })
  officerId!: string;

  @ApiProperty({ example: '市容环卫执法实务' })
  course!: string;

  @ApiProperty({ example: 4 })
  hours!: number;

  @ApiProperty({ example: '2025-03-01', format: 'date' })
  completedOn!: string;
}

export class EquipmentOnHandDto {
  @ApiProperty({ example: 'body-camera' })
  kind!: string;

  @ApiProperty({ example: 2 })
  quantity!: number;
}

export class TeamDto {
  @ApiProperty({ format: 'uuid', description: 'The team id' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  countyId!: string;

  @ApiProperty({ format: 'uuid' })
  townshipId!: string;

  @ApiProperty({ example: '西平街道' })
  townshipName!: string;

  @ApiProperty({ type: OfficerDto, isArray: true, description: 'Current officers, in the order they joined' })
  officers!: OfficerDto[];

  @ApiProperty({ type: EquipmentOnHandDto, isArray: true, description: 'On hand, by kind' })
  equipment!: EquipmentOnHandDto[];

  @ApiProperty({
    type: TrainingRecordDto,
    isArray: true,
    description: 'Every completed training, including that of officers who have left',
  })
  training!: TrainingRecordDto[];

  @ApiProperty({ example: 4, description: 'Stream version; send it back as If-Match' })
  version!: number;
}

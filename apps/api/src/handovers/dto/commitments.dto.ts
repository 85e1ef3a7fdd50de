import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { EquipmentLineDto } from '../../catalogue/dto/requirements.dto';
import { IsCalendarDate } from './calendar-date.validator';
import { LABEL_MAX, LIST_MAX, trimmed } from './text';

export class CommittedOfficerDto {
  @ApiProperty({ example: '王强', maxLength: LABEL_MAX })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(LABEL_MAX)
  name!: string;

  @ApiProperty({ example: '53030020210042', maxLength: LABEL_MAX })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(LABEL_MAX)
  certificateNumber!: string;

  @ApiProperty({ example: '2028-12-31', format: 'date' })
  @IsCalendarDate()
  certificateExpiresOn!: string;
}

export class CommittedTrainingDto {
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

  @ApiProperty({ example: '2025-04-15', format: 'date' })
  @IsCalendarDate()
  scheduledOn!: string;
}

/** The resources a department promises with a handover (promised, not delivered). */
export class CommitmentsDto {
  @ApiPropertyOptional({ type: CommittedOfficerDto, isArray: true, maxItems: LIST_MAX, description: 'Seconded officers (下沉)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIST_MAX)
  @ValidateNested({ each: true })
  @Type(() => CommittedOfficerDto)
  officers?: CommittedOfficerDto[];

  @ApiPropertyOptional({ type: EquipmentLineDto, isArray: true, maxItems: LIST_MAX })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIST_MAX)
  @ValidateNested({ each: true })
  @Type(() => EquipmentLineDto)
  equipment?: EquipmentLineDto[];

  @ApiPropertyOptional({ type: CommittedTrainingDto, isArray: true, maxItems: LIST_MAX })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIST_MAX)
  @ValidateNested({ each: true })
  @Type(() => CommittedTrainingDto)
  training?: CommittedTrainingDto[];

  @ApiPropertyOptional({ example: 50000, minimum: 0, description: 'Budget in yuan' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1e12)
  budgetYuan?: number;
}

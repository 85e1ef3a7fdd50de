import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, type TransformFnParams, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { WHISTLE_STATUSES, type WhistleStatus } from '@fangquan/domain';
import { CountyQuery } from '../../catalogue/dto/powers.query';
import { IsCalendarDate } from '../../http/dto/calendar-date.validator';
import { LABEL_MAX } from '../../http/dto/text';

function booleanText(params: TransformFnParams): unknown {
  const value: unknown = params.value;
  return value === 'true' ? true : value === 'false' ? false : value;
}

export class ListWhistlesQuery extends CountyQuery {
  @ApiPropertyOptional({ enum: WHISTLE_STATUSES, enumName: 'WhistleStatus' })
  @IsOptional()
  @IsIn(WHISTLE_STATUSES)
  status?: WhistleStatus;

  @ApiPropertyOptional({ example: '水利局', description: 'Led or co-handled by this department' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LABEL_MAX)
  department?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  townshipId?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'true: a step is past its deadline and not done' })
  @IsOptional()
  @Transform(booleanText)
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}

export class AssessmentQuery extends CountyQuery {
  @ApiPropertyOptional({
    format: 'date',
    description: 'From this day (in TZ_COUNTY), by the day the whistle was raised; default: 1 January',
  })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'To this day, inclusive; default: today' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

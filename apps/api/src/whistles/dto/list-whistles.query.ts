import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { WHISTLE_STATUSES, type WhistleStatus } from '@fangquan/domain';
import { CountyQuery } from '../../catalogue/dto/powers.query';
import { IsCalendarDate } from '../../http/dto/calendar-date.validator';
import { booleanText, PagedCountyQuery } from '../../http/dto/page.query';
import { LABEL_MAX } from '../../http/dto/text';

export class ListWhistlesQuery extends PagedCountyQuery {
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

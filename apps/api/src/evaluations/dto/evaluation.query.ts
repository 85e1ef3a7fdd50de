import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { CountyQuery } from '../../catalogue/dto/powers.query';
import { IsCalendarDate } from '../../http/dto/calendar-date.validator';
import { LABEL_MAX } from '../../http/dto/text';

export class EvaluationQuery extends CountyQuery {
  @ApiPropertyOptional({ format: 'date', description: 'First day (in TZ_COUNTY); default: a year before `to`' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Last day, inclusive; default and at most: today' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "One township's handovers (a township's users: always their own)" })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LABEL_MAX)
  townshipId?: string;

  @ApiPropertyOptional({ example: 'CF-CG-0001', description: "One power's handovers" })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LABEL_MAX)
  powerCode?: string;
}

export class AsOfQuery extends CountyQuery {
  @ApiProperty({ format: 'date', description: 'The day (in TZ_COUNTY); the record as it stood at its end; not after today' })
  @IsCalendarDate()
  date!: string;
}

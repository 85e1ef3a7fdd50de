import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { HANDOVER_MODES, type HandoverMode } from '@fangquan/domain';
import { POWER_CODE_PATTERN } from '../../catalogue/dto/power.dto';
import { IsCalendarDate } from '../../http/dto/calendar-date.validator';
import { CommitmentsDto } from './commitments.dto';
import { TEXT_MAX, trimmed } from '../../http/dto/text';

/**
 * The cross-field rules of `endsOn` (required for an entrustment, after `effectiveOn`, none for a
 * transfer) are the domain's: it refuses an entrustment of a coercive measure (409) before them.
 */
export class RecordHandoverDto {
  @ApiProperty({ example: 'CF-CG-0001', description: 'A power of the county catalogue' })
  @Transform(trimmed)
  @IsString()
  @Matches(POWER_CODE_PATTERN, { message: 'powerCode must be a power code (no spaces, slashes, ?, # or %)' })
  powerCode!: string;

  @ApiProperty({ format: 'uuid', description: "The township's enforcement team" })
  @IsUUID('all')
  teamId!: string;

  @ApiProperty({
    enum: HANDOVER_MODES,
    enumName: 'HandoverMode',
    description: "transfer 交由/赋权 (own name) or entrustment 委托 (the department's name; needs endsOn; never for coercion)",
  })
  @IsIn(HANDOVER_MODES)
  mode!: HandoverMode;

  @ApiProperty({ example: '沾政发〔2025〕12号', maxLength: TEXT_MAX, description: 'The legal instrument (文件号)' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  instrument!: string;

  @ApiProperty({ example: '2025-07-01', format: 'date' })
  @IsCalendarDate()
  effectiveOn!: string;

  @ApiPropertyOptional({
    example: '2027-06-30',
    format: 'date',
    description: 'Required for (and only for) an entrustment; after effectiveOn',
  })
  @IsOptional()
  @IsCalendarDate()
  endsOn?: string;

  @ApiPropertyOptional({ type: CommitmentsDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CommitmentsDto)
  committed?: CommitmentsDto;
}

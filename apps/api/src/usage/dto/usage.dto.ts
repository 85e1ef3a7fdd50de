import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { CASES_MAX } from '@fangquan/domain';
import { CountyQuery } from '../../catalogue/dto/powers.query';

/** A month written `YYYY-MM`. */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
const MONTH_FORMAT = 'must be a month YYYY-MM';

/** The cases (办件量) handled under a handover in one month. */
export class RecordUsageDto {
  @ApiProperty({
    example: '2026-03',
    description: 'From the month the handover was recorded to the current month (its revocation month once revoked)',
  })
  @Matches(MONTH_PATTERN, { message: `month ${MONTH_FORMAT}` })
  month!: string;

  @ApiProperty({ minimum: 0, maximum: CASES_MAX, example: 12, description: 'Cases handled in that month (a whole number)' })
  @IsInt()
  @Min(0)
  @Max(CASES_MAX)
  cases!: number;
}

/** The figure standing for the month after the command, and the handover's version. */
export class UsageDto {
  @ApiProperty({ format: 'uuid' }) handoverId!: string;
  @ApiProperty({ example: '2026-03' }) month!: string;
  @ApiProperty({ example: 12 }) cases!: number;
  @ApiProperty({ description: 'The handover stream version after the command (unchanged when the same figure was sent again)' })
  version!: number;
}

export class UsageMonthDto {
  @ApiProperty({ example: '2026-03' }) month!: string;
  @ApiProperty({ example: 12 }) cases!: number;
}

/** A handover's months with the last figure recorded for each, oldest first. */
export class UsageMonthsDto {
  @ApiProperty({ format: 'uuid' }) handoverId!: string;
  @ApiProperty({ type: UsageMonthDto, isArray: true }) months!: UsageMonthDto[];
}

export class UsageExportQuery extends CountyQuery {
  @ApiPropertyOptional({ example: '2026-01', description: 'From this month (inclusive); default: the first recorded' })
  @IsOptional()
  @Matches(MONTH_PATTERN, { message: `from ${MONTH_FORMAT}` })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12', description: 'To this month (inclusive); default: the last recorded' })
  @IsOptional()
  @Matches(MONTH_PATTERN, { message: `to ${MONTH_FORMAT}` })
  to?: string;
}

import { ApiProperty } from '@nestjs/swagger';
import { IsArray } from 'class-validator';
import { IsCalendarDate } from '../../http/dto/calendar-date.validator';
import { GapDto } from '../../handovers/dto/handover.dto';

export const PLAN_POWERS_MAX = 200;
export const PLAN_TOWNSHIPS_MAX = 100;

/** Which powers to which townships from which day: each list non-empty, each entry once. */
export class HandoverBatchDto {
  @ApiProperty({
    type: String,
    isArray: true,
    example: ['CF-SC-0006'],
    description: `Power codes of the county catalogue, 1..${PLAN_POWERS_MAX}, each once`,
  })
  @IsArray()
  powerCodes!: string[];

  @ApiProperty({ type: String, isArray: true, description: `Townships of the county, 1..${PLAN_TOWNSHIPS_MAX}, each once` })
  @IsArray()
  townshipIds!: string[];

  @ApiProperty({ example: '2027-01-01', format: 'date', description: 'The day the powers would take effect: today or later' })
  @IsCalendarDate()
  effectiveOn!: string;
}

export class PlannedPairDto {
  @ApiProperty({ format: 'uuid' }) townshipId!: string;
  @ApiProperty({ example: 'CF-SC-0006' }) powerCode!: string;
}

export class UnreadyPairDto extends PlannedPairDto {
  @ApiProperty({ type: GapDto, isArray: true }) gaps!: GapDto[];
}

export class EquipmentShortfallDto {
  @ApiProperty({ example: 'body-camera' }) kind!: string;
  @ApiProperty({ example: 2 }) quantity!: number;
}

export class TrainingShortfallDto {
  @ApiProperty({ example: '行政执法基础' }) course!: string;
  @ApiProperty({ example: 3, description: 'Officers still to be trained on the course' }) officers!: number;
  @ApiProperty({ example: 24, description: 'Hours to give: officers missing × the hours the power requires of the course' })
  hours!: number;
}

export class ShortfallDto {
  @ApiProperty({ example: 2, description: 'Certified officers missing' }) officers!: number;
  @ApiProperty({ type: EquipmentShortfallDto, isArray: true }) equipment!: EquipmentShortfallDto[];
  @ApiProperty({ type: TrainingShortfallDto, isArray: true }) training!: TrainingShortfallDto[];
}

export class TownshipShortfallDto extends ShortfallDto {
  @ApiProperty({ format: 'uuid' }) townshipId!: string;
}

export class HandoverBatchPlanDto {
  @ApiProperty({ format: 'date' }) effectiveOn!: string;
  @ApiProperty({ type: PlannedPairDto, isArray: true }) ready!: PlannedPairDto[];
  @ApiProperty({ type: UnreadyPairDto, isArray: true }) notReady!: UnreadyPairDto[];
  @ApiProperty({ type: ShortfallDto, description: "The county's total: the sum of every pair's gaps" }) missing!: ShortfallDto;
  @ApiProperty({
    type: TownshipShortfallDto,
    isArray: true,
    description: 'Per township, what its team lacks to be ready for all its pairs at once: per item the largest shortfall over its pairs',
  })
  byTownship!: TownshipShortfallDto[];
}

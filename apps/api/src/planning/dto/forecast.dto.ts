import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { CountyQuery } from '../../catalogue/dto/powers.query';
import { GapDto } from '../../handovers/dto/handover.dto';

export class ForecastQuery extends CountyQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 24, default: 12, description: 'Months of the horizon, the current one first' })
  @IsOptional()
  @IsString()
  months?: string;
}

export class ForecastOfficerDto {
  @ApiProperty({ format: 'uuid' }) officerId!: string;
  @ApiProperty({ example: '张伟' }) name!: string;
  @ApiProperty({ format: 'date' }) certificateExpiresOn!: string;
}

export class ForecastOpeningDto {
  @ApiProperty({ enum: ['certificate-expiry', 'entrustment-end'] }) reason!: 'certificate-expiry' | 'entrustment-end';
  @ApiProperty({ format: 'date', description: 'The expiry date or the entrustment’s end date' }) on!: string;
  @ApiProperty({ format: 'uuid' }) townshipId!: string;
  @ApiProperty({ format: 'uuid' }) handoverId!: string;
  @ApiProperty({ example: 'CF-SC-0006' }) powerCode!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'certificate-expiry only' }) teamId?: string;
  @ApiPropertyOptional({ type: ForecastOfficerDto, description: 'certificate-expiry only' }) officer?: ForecastOfficerDto;
  @ApiPropertyOptional({ type: GapDto, description: 'certificate-expiry only: the certified-officer gap the day after the expiry' })
  gap?: GapDto;
}

export class ForecastClosingDto {
  @ApiProperty({ enum: ['scheduled-training'] }) reason!: 'scheduled-training';
  @ApiProperty({ format: 'date', description: 'The day the training is scheduled' }) on!: string;
  @ApiProperty({ format: 'uuid' }) townshipId!: string;
  @ApiProperty({ format: 'uuid' }) handoverId!: string;
  @ApiProperty({ example: 'CF-SC-0006' }) powerCode!: string;
  @ApiProperty({ example: '行政执法基础' }) course!: string;
  @ApiProperty({ example: '市场监管局', description: 'The department that committed the training' }) department!: string;
}

export class ForecastMonthDto {
  @ApiProperty({ example: '2027-01' }) month!: string;
  @ApiProperty({ type: ForecastOpeningDto, isArray: true }) opens!: ForecastOpeningDto[];
  @ApiProperty({ type: ForecastClosingDto, isArray: true }) closes!: ForecastClosingDto[];
}

export class ForecastDto {
  @ApiProperty({ example: '2027-01', description: 'The current month in the county’s time zone' }) from!: string;
  @ApiProperty({ type: ForecastMonthDto, isArray: true, description: 'Every month of the horizon, empty or not' })
  months!: ForecastMonthDto[];
}

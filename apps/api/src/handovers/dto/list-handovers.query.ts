import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { HANDOVER_STATUSES, type HandoverStatus } from '@fangquan/domain';
import { CountyQuery } from '../../catalogue/dto/powers.query';
import { booleanText } from '../../http/dto/boolean-query';

export const LISTED_STATUSES = HANDOVER_STATUSES.filter((status): status is Exclude<HandoverStatus, 'none'> => status !== 'none');

export class ListHandoversQuery extends CountyQuery {
  @ApiPropertyOptional({ enum: LISTED_STATUSES, enumName: 'HandoverStatus' })
  @IsOptional()
  @IsIn(LISTED_STATUSES)
  status?: Exclude<HandoverStatus, 'none'>;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  teamId?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'true: no gaps; false: some gaps' })
  @IsOptional()
  @Transform(booleanText)
  @IsBoolean({ message: 'ready must be true or false' })
  ready?: boolean;

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

import { ApiPropertyOptional } from '@nestjs/swagger';
import { type TransformFnParams, Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { CountyQuery } from '../../catalogue/dto/powers.query';

/** `true` / `false` of a query string as booleans; anything else is left for `@IsBoolean` to refuse. */
export function booleanText(params: TransformFnParams): unknown {
  const value: unknown = params.value;
  return value === 'true' ? true : value === 'false' ? false : value;
}

/** One page of a county's list: `page` from 1, `pageSize` 1–100 (20 by default). */
export class PagedCountyQuery extends CountyQuery {
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

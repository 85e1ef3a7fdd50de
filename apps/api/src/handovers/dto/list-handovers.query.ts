import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { HANDOVER_STATUSES, type HandoverStatus } from '@fangquan/domain';
import { booleanText, PagedCountyQuery } from '../../http/dto/page.query';

export const LISTED_STATUSES = HANDOVER_STATUSES.filter((status): status is Exclude<HandoverStatus, 'none'> => status !== 'none');

export class ListHandoversQuery extends PagedCountyQuery {
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
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

/** Which county's records: the caller's own; the system admin, who has none, names one. */
export class CountyQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: "The system admin names the county; everyone else gets their own (another county's is 403)",
  })
  @IsOptional()
  @IsUUID('all')
  countyId?: string;
}

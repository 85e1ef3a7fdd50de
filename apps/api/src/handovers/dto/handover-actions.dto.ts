import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { CommitmentsDto } from './commitments.dto';
import { TEXT_MAX, trimmed } from '../../http/dto/text';

export class AcceptHandoverDto {
  @ApiPropertyOptional({
    default: false,
    description: '有条件承接: accept although the team is not ready yet (needs a reason; reminders keep running)',
  })
  @IsOptional()
  @IsBoolean()
  conditional?: boolean;

  @ApiPropertyOptional({
    example: '执法记录仪已采购，预计两周内到位',
    maxLength: TEXT_MAX,
    description: 'Required for a conditional acceptance',
  })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(TEXT_MAX)
  reason?: string;
}

export class ReasonDto {
  @ApiProperty({ example: '缺少执法记录仪，持证人员不足', maxLength: TEXT_MAX })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  reason!: string;
}

export class ContestHandoverDto extends ReasonDto {}

export class RevokeHandoverDto extends ReasonDto {}

export class AmendCommitmentsDto {
  @ApiProperty({ type: CommitmentsDto, description: 'Replaces the commitments of a recorded or contested handover' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => CommitmentsDto)
  committed!: CommitmentsDto;
}

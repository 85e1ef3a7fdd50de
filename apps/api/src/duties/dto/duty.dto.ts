import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { DUTY_CATEGORIES, DUTY_CODE_PATTERN, DUTY_DOMAINS, type DutyCategory, type DutyDomain } from '@fangquan/domain';
import { CountyQuery } from '../../catalogue/dto/powers.query';
import { LABEL_MAX, TEXT_MAX, trimmed } from '../../http/dto/text';

export const DUTY_CODE_FORMAT = 'code must be 1 to 64 characters without spaces, slashes, ?, # or %';

/** What the catalogue records of a duty item besides its code (the body of PUT /duties/:code). */
export class DutyFieldsDto {
  @ApiProperty({ example: '生活垃圾分类日常监督', maxLength: TEXT_MAX, description: '事项名称' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  name!: string;

  @ApiProperty({ enum: DUTY_DOMAINS, enumName: 'DutyDomain', example: '生态环保', description: '领域' })
  @IsIn(DUTY_DOMAINS)
  domain!: DutyDomain;

  @ApiProperty({ enum: DUTY_CATEGORIES, enumName: 'DutyCategory', example: 'basic', description: 'The category a compiled list gives it' })
  @IsIn(DUTY_CATEGORIES)
  defaultCategory!: DutyCategory;

  @ApiPropertyOptional({ maxLength: TEXT_MAX, description: '事项描述' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(TEXT_MAX)
  description?: string;

  @ApiPropertyOptional({ maxLength: TEXT_MAX, description: '法定依据' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(TEXT_MAX)
  legalBasis?: string;

  @ApiPropertyOptional({ maxLength: LABEL_MAX, example: '城市管理局', description: '牵头部门' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(LABEL_MAX)
  leadDepartment?: string;

  @ApiPropertyOptional({
    example: 'CF-CG-0001',
    description: "The power item it stands for: a code of the county's power catalogue (400 otherwise)",
  })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(64)
  powerCode?: string;

  @ApiPropertyOptional({ maxLength: LABEL_MAX, example: '0874-3012345 综合行政执法队办公室', description: 'Phone and office' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(LABEL_MAX)
  contact?: string;
}

export class RegisterDutyDto extends DutyFieldsDto {
  @ApiProperty({ example: 'ST-001', pattern: DUTY_CODE_PATTERN.source, description: '事项编码; unique within the county' })
  @Transform(trimmed)
  @IsString()
  @Matches(DUTY_CODE_PATTERN, { message: DUTY_CODE_FORMAT })
  code!: string;
}

export class DutyDto extends RegisterDutyDto {
  @ApiProperty({ example: 1, description: 'Stream version; send it back as If-Match' })
  version!: number;
}

export class DutyPageDto {
  @ApiProperty({ type: DutyDto, isArray: true })
  items!: DutyDto[];

  @ApiProperty({ example: 340 })
  total!: number;
}

export class ListDutiesQuery extends CountyQuery {
  @ApiPropertyOptional({ enum: DUTY_DOMAINS, enumName: 'DutyDomain' })
  @IsOptional()
  @IsIn(DUTY_DOMAINS)
  domain?: DutyDomain;

  @ApiPropertyOptional({ description: 'Part of the name or of the code', maxLength: LABEL_MAX })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(LABEL_MAX)
  q?: string;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}

import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsDefined, IsIn, IsNotEmpty, IsObject, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { POWER_CATEGORIES, type PowerCategory } from '@fangquan/domain';
import { LABEL_MAX, TEXT_MAX, trimmed } from '../../http/dto/text';
import { RequirementsDto } from './requirements.dto';

/** Codes go into paths (`/powers/:code`): no spaces, slashes, `?`, `#` or `%`. */
export const POWER_CODE_PATTERN = /^[^\s/\\?#%]{1,64}$/;

export class RegisterPowerDto {
  @ApiProperty({ example: 'CF-CG-0001', pattern: POWER_CODE_PATTERN.source, description: '事项编码; unique within the county' })
  @Transform(trimmed)
  @IsString()
  @Matches(POWER_CODE_PATTERN, { message: 'code must be 1 to 64 characters without spaces, slashes, ?, # or %' })
  code!: string;

  @ApiProperty({ example: '对随地吐痰、乱扔果皮纸屑烟头等废弃物的处罚', maxLength: TEXT_MAX })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  name!: string;

  @ApiProperty({ enum: POWER_CATEGORIES, enumName: 'PowerCategory', example: 'penalty' })
  @IsIn(POWER_CATEGORIES)
  category!: PowerCategory;

  @ApiProperty({ example: '《城市市容和环境卫生管理条例》第三十四条第（一）项', maxLength: TEXT_MAX, description: '实施依据' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  legalBasis!: string;

  @ApiProperty({ example: '城市管理局', maxLength: LABEL_MAX, description: 'The source department that hands the power over' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(LABEL_MAX)
  department!: string;

  @ApiProperty({ type: RequirementsDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => RequirementsDto)
  requirements!: RequirementsDto;
}

export class ReviseRequirementsDto {
  @ApiProperty({ type: RequirementsDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => RequirementsDto)
  requirements!: RequirementsDto;
}

export class PowerDto {
  @ApiProperty({ example: 'CF-CG-0001' })
  code!: string;

  @ApiProperty({ example: '对随地吐痰、乱扔果皮纸屑烟头等废弃物的处罚' })
  name!: string;

  @ApiProperty({ enum: POWER_CATEGORIES, enumName: 'PowerCategory' })
  category!: PowerCategory;

  @ApiProperty()
  legalBasis!: string;

  @ApiProperty({ example: '城市管理局' })
  department!: string;

  @ApiProperty({ type: RequirementsDto })
  requirements!: RequirementsDto;

  @ApiProperty({ example: 1, description: 'Stream version; send it back as If-Match' })
  version!: number;
}

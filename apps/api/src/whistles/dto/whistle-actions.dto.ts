import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { WHISTLE_SCORE_MAX, WHISTLE_SCORE_MIN, WHISTLE_URGENCIES, type WhistleUrgency } from '@fangquan/domain';
import { LABEL_MAX, LIST_MAX, TEXT_MAX, trimmed } from '../../http/dto/text';

export class RaiseWhistleDto {
  @ApiProperty({ format: 'uuid', description: "The caller's own township" })
  @IsUUID('all')
  townshipId!: string;

  @ApiProperty({ example: '河道夜间非法采砂', maxLength: LABEL_MAX })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(LABEL_MAX)
  title!: string;

  @ApiProperty({ example: '近一周每晚有船只在某村段河道采砂，乡镇无执法权', maxLength: TEXT_MAX })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  description!: string;

  @ApiPropertyOptional({
    example: 'SL-003',
    maxLength: LABEL_MAX,
    description: "An item of the township's duty list (assisting or returned); its lead department is where the whistle goes",
  })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(LABEL_MAX)
  dutyCode?: string;

  @ApiPropertyOptional({ example: '某村河段', maxLength: TEXT_MAX })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  location?: string;

  @ApiPropertyOptional({ enum: WHISTLE_URGENCIES, enumName: 'WhistleUrgency', default: 'normal' })
  @IsOptional()
  @IsIn(WHISTLE_URGENCIES)
  urgency?: WhistleUrgency;
}

export class DispatchWhistleDto {
  @ApiProperty({ example: '水利局', maxLength: LABEL_MAX, description: 'The lead department (主办): a department of the county' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(LABEL_MAX)
  department!: string;

  @ApiPropertyOptional({ example: ['自然资源局'], type: String, isArray: true, description: 'Co-handlers (协办): they see the whistle' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIST_MAX)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(LABEL_MAX, { each: true })
  coDepartments?: string[];
}

export class ResolveWhistleDto {
  @ApiProperty({ example: '已联合执法查扣采砂船两艘，立案查处', maxLength: TEXT_MAX })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  result!: string;
}

export class WhistleReasonDto {
  @ApiProperty({ example: '该事项不属于本部门职责', maxLength: TEXT_MAX })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  reason!: string;
}

export class RequestExtensionDto extends WhistleReasonDto {
  @ApiProperty({ format: 'date-time', description: 'The new deadline of the step in progress: after the current one' })
  @IsISO8601({ strict: true })
  until!: string;
}

export class DecideExtensionDto extends WhistleReasonDto {
  @ApiProperty()
  @IsBoolean()
  granted!: boolean;
}

export class EvaluateWhistleDto {
  @ApiProperty({ minimum: WHISTLE_SCORE_MIN, maximum: WHISTLE_SCORE_MAX, example: 4 })
  @IsInt()
  @Min(WHISTLE_SCORE_MIN)
  @Max(WHISTLE_SCORE_MAX)
  score!: number;

  @ApiProperty()
  @IsBoolean()
  satisfied!: boolean;

  @ApiPropertyOptional({ example: '响应及时', maxLength: TEXT_MAX })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(TEXT_MAX)
  comment?: string;
}

import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsPositive,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { LABEL_MAX, LIST_MAX, trimmed } from '../../handovers/dto/text';

export class EquipmentLineDto {
  @ApiProperty({
    example: 'body-camera',
    maxLength: LABEL_MAX,
    description:
      "A code of the county's equipment kinds (GET /vocabularies/equipment-kinds), e.g. 'body-camera'; another is 400 unknown-equipment-kind",
  })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(LABEL_MAX)
  kind!: string;

  @ApiProperty({ example: 2, minimum: 1, maximum: 100000 })
  @IsInt()
  @Min(1)
  @Max(100000)
  quantity!: number;
}

export class TrainingRequirementDto {
  @ApiProperty({
    example: '市容环卫执法实务',
    maxLength: LABEL_MAX,
    description: "A code of the county's training courses (GET /vocabularies/training-courses); another is 400 unknown-training-course",
  })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(LABEL_MAX)
  course!: string;

  @ApiProperty({ example: 4, description: 'Hours each officer must have completed', minimum: 0, maximum: 10000 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive()
  @Max(10000)
  hours!: number;
}

/** What a power item needs from the team that carries it out. */
export class RequirementsDto {
  @ApiProperty({
    example: 2,
    minimum: 0,
    maximum: 1000,
    description: 'Officers with a valid certificate (at least 2 for penalty and coercion); also how many of them must have each course',
  })
  @IsInt()
  @Min(0)
  @Max(1000)
  certifiedOfficers!: number;

  @ApiProperty({ type: EquipmentLineDto, isArray: true, maxItems: LIST_MAX })
  @IsArray()
  @ArrayMaxSize(LIST_MAX)
  @ValidateNested({ each: true })
  @Type(() => EquipmentLineDto)
  equipment!: EquipmentLineDto[];

  @ApiProperty({ type: TrainingRequirementDto, isArray: true, maxItems: LIST_MAX })
  @IsArray()
  @ArrayMaxSize(LIST_MAX)
  @ValidateNested({ each: true })
  @Type(() => TrainingRequirementDto)
  training!: TrainingRequirementDto[];
}

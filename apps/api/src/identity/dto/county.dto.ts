import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { trimString } from './transforms';

export class CreateCountyDto {
  @ApiProperty({ example: '柯桥区', maxLength: 100 })
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;
}

export class CountyDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '柯桥区' })
  name!: string;
}

import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { trimString } from './transforms';

export class CreateTownshipDto {
  @ApiProperty({ example: '安昌街道', maxLength: 100, description: 'Unique within the county' })
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;
}

export class TownshipDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '安昌街道' })
  name!: string;

  @ApiProperty({ format: 'uuid' })
  countyId!: string;

  @ApiProperty({ format: 'uuid', description: "The township's enforcement team" })
  teamId!: string;
}

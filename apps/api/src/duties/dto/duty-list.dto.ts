import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  DUTY_CATEGORIES,
  DUTY_DOMAINS,
  DUTY_ITEM_SOURCES,
  type DutyCategory,
  type DutyDomain,
  type DutyItemSource,
} from '@fangquan/domain';
import { LABEL_MAX, TEXT_MAX, trimmed } from '../../http/dto/text';

export class SetDutyListItemDto {
  @ApiProperty({
    enum: DUTY_CATEGORIES,
    enumName: 'DutyCategory',
    description: 'One category: basic 基本履职, assisting 配合履职, returned 上级部门收回',
  })
  @IsIn(DUTY_CATEGORIES)
  category!: DutyCategory;

  @ApiPropertyOptional({ maxLength: TEXT_MAX, description: 'What the township does and how far; required for assisting' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(TEXT_MAX)
  cooperation?: string;

  @ApiPropertyOptional({
    maxLength: LABEL_MAX,
    description: 'The department that leads (assisting) or takes it back (returned); required for both',
  })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(LABEL_MAX)
  leadDepartment?: string;
}

export class PublishDutyListDto {
  @ApiProperty({ example: '沾政办发〔2025〕12号', maxLength: LABEL_MAX, description: '文号 of the decision that approves this version' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(LABEL_MAX)
  decisionRef!: string;

  @ApiPropertyOptional({ maxLength: TEXT_MAX })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(TEXT_MAX)
  note?: string;
}

export class ListedDutyDto {
  @ApiPropertyOptional({ example: 'ST-001' })
  dutyCode?: string;

  @ApiPropertyOptional({ example: 'CF-CG-0001' })
  powerCode?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'source handover: the handover that gives (active) or gave (revoked) the power' })
  handoverId?: string;

  @ApiPropertyOptional({ description: 'source admission: the admitted task' })
  admissionId?: string;

  @ApiProperty({ example: '生活垃圾分类日常监督' })
  name!: string;

  @ApiProperty({ enum: DUTY_DOMAINS, enumName: 'DutyDomain' })
  domain!: DutyDomain;

  @ApiProperty({ enum: DUTY_CATEGORIES, enumName: 'DutyCategory' })
  category!: DutyCategory;

  @ApiPropertyOptional()
  cooperation?: string;

  @ApiPropertyOptional()
  leadDepartment?: string;

  @ApiPropertyOptional({ description: 'Phone and office, from the catalogue' })
  contact?: string;

  @ApiProperty({ enum: DUTY_ITEM_SOURCES, enumName: 'DutyItemSource' })
  source!: DutyItemSource;
}

export class DutyCountsDto {
  @ApiProperty() basic!: number;
  @ApiProperty() assisting!: number;
  @ApiProperty() returned!: number;
}

export class PublishedRefDto {
  @ApiProperty({ example: 1 })
  version!: number;

  @ApiProperty({ format: 'date-time' })
  publishedAt!: string;

  @ApiProperty({ example: '沾政办发〔2025〕12号' })
  decisionRef!: string;
}

export class DutyListDto {
  @ApiProperty({ format: 'uuid' })
  townshipId!: string;

  @ApiProperty({ type: PublishedRefDto, nullable: true, description: 'The last published version; null before the first' })
  published!: PublishedRefDto | null;

  @ApiProperty({ type: ListedDutyDto, isArray: true, description: 'The working draft, with the items derived from handovers' })
  items!: ListedDutyDto[];

  @ApiProperty({ type: DutyCountsDto })
  counts!: DutyCountsDto;

  @ApiProperty({ example: 3, description: "Version of the list's stream; send it back as If-Match" })
  version!: number;
}

export class ChangedDutyDto {
  @ApiPropertyOptional() dutyCode?: string;
  @ApiPropertyOptional() powerCode?: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: DUTY_CATEGORIES, enumName: 'DutyCategory' }) category!: DutyCategory;
}

export class RecategorizedDutyDto {
  @ApiPropertyOptional() dutyCode?: string;
  @ApiPropertyOptional() powerCode?: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: DUTY_CATEGORIES, enumName: 'DutyCategory' }) from!: DutyCategory;
  @ApiProperty({ enum: DUTY_CATEGORIES, enumName: 'DutyCategory' }) to!: DutyCategory;
}

export class DutyListChangesDto {
  @ApiProperty({ type: ChangedDutyDto, isArray: true }) added!: ChangedDutyDto[];
  @ApiProperty({ type: ChangedDutyDto, isArray: true }) removed!: ChangedDutyDto[];
  @ApiProperty({ type: RecategorizedDutyDto, isArray: true }) recategorized!: RecategorizedDutyDto[];
  @ApiProperty({
    type: ChangedDutyDto,
    isArray: true,
    description: 'Same category, other text (cooperation, lead department, contact, name)',
  })
  revised!: ChangedDutyDto[];
}

export class DutyListPublicationDto extends PublishedRefDto {
  @ApiPropertyOptional()
  note?: string;

  @ApiProperty({ type: DutyListChangesDto })
  changes!: DutyListChangesDto;
}

export class DutyListVersionDto extends DutyListPublicationDto {
  @ApiProperty({ type: ListedDutyDto, isArray: true, description: 'The items as published' })
  items!: ListedDutyDto[];

  @ApiProperty({ type: DutyCountsDto })
  counts!: DutyCountsDto;
}

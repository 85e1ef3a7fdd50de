import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PUBLIC_CATEGORIES, type PublicCategory } from '../published-duty-lists';

export class PublicDutyItemDto {
  @ApiProperty({ example: '对随地吐痰、乱扔果皮纸屑烟头等废弃物的处罚' })
  name!: string;

  @ApiProperty({ example: '综合执法', description: '领域' })
  domain!: string;

  @ApiProperty({ enum: PUBLIC_CATEGORIES, enumName: 'PublicDutyCategory', description: '基本履职 / 配合履职 / 上级部门收回' })
  category!: PublicCategory;

  @ApiPropertyOptional({ description: 'What the township does and how far, for an item it only assists with (配合履职)' })
  cooperation?: string;

  @ApiPropertyOptional({ example: '县城市管理局', description: '牵头部门' })
  leadDepartment?: string;

  @ApiPropertyOptional({ example: '0570-1234567（综合执法队办公室）' })
  contact?: string;

  @ApiPropertyOptional({ example: 'ZR-ZH-0001' })
  dutyCode?: string;

  @ApiPropertyOptional({ example: 'CF-CG-0001' })
  powerCode?: string;
}

export class PublicDutyCountsDto {
  @ApiProperty() basic!: number;
  @ApiProperty() assisting!: number;
  @ApiProperty() returned!: number;
}

/** The latest published version of a township's duty list, as anyone may read it. */
export class PublicDutyListDto {
  @ApiProperty({ format: 'uuid' }) townshipId!: string;
  @ApiProperty({ example: '城关镇' }) townshipName!: string;
  @ApiPropertyOptional({ example: '示范县' }) countyName?: string;
  @ApiProperty({ example: 1 }) version!: number;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
  @ApiProperty({ example: '示政办〔2025〕12号', description: '文号 of the decision that published the version' })
  decisionRef!: string;

  @ApiProperty({ type: [PublicDutyItemDto] }) items!: PublicDutyItemDto[];
  @ApiProperty({ type: PublicDutyCountsDto }) counts!: PublicDutyCountsDto;
}

import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { TERM_CODE_PATTERN, TERM_NAME_MAX, VOCABULARIES, type Vocabulary } from '@fangquan/domain';
import { trimmed } from '../../handovers/dto/text';

export const TERM_CODE_RULE = 'code must be 1 to 64 characters without spaces, slashes, ?, # or %';

export class VocabularyTermDto {
  @ApiProperty({
    example: 'body-camera',
    pattern: TERM_CODE_PATTERN.source,
    description: 'What records carry (`kind` of equipment lines, `course` of training lines); never changes',
  })
  code!: string;

  @ApiProperty({ example: '执法记录仪', maxLength: TERM_NAME_MAX, description: 'What people see and pick from lists' })
  name!: string;
}

export class AddTermDto {
  @ApiProperty({ example: 'body-camera', pattern: TERM_CODE_PATTERN.source, description: 'Unique within the vocabulary' })
  @Transform(trimmed)
  @IsString()
  @Matches(TERM_CODE_PATTERN, { message: TERM_CODE_RULE })
  code!: string;

  @ApiProperty({ example: '执法记录仪', maxLength: TERM_NAME_MAX, description: 'Unique within the vocabulary' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TERM_NAME_MAX)
  name!: string;
}

export class RenameTermDto {
  @ApiProperty({ example: '执法记录仪', maxLength: TERM_NAME_MAX, description: 'The new name; unique within the vocabulary' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TERM_NAME_MAX)
  name!: string;
}

export class VocabularyDto {
  @ApiProperty({ enum: VOCABULARIES, enumName: 'Vocabulary', example: 'equipment-kinds' })
  vocabulary!: Vocabulary;

  @ApiProperty({ type: VocabularyTermDto, isArray: true, description: 'In the order they were added' })
  terms!: VocabularyTermDto[];

  @ApiProperty({ example: 1, description: 'Stream version of the vocabulary; send it back as If-Match' })
  version!: number;
}

export class VocabulariesDto {
  @ApiProperty({ type: VocabularyDto })
  'equipment-kinds'!: VocabularyDto;

  @ApiProperty({ type: VocabularyDto })
  'training-courses'!: VocabularyDto;
}

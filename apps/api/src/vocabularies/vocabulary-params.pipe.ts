import { Injectable, type PipeTransform } from '@nestjs/common';
import { TERM_CODE_PATTERN, VOCABULARIES, type Vocabulary } from '@fangquan/domain';
import { ProblemException } from '../http/problem';
import { TERM_CODE_RULE } from './dto/vocabulary.dto';

/** `@Param('vocabulary', VocabularyPipe)`: `equipment-kinds` or `training-courses`; any other is no such resource (404). */
@Injectable()
export class VocabularyPipe implements PipeTransform<string, Vocabulary> {
  transform(value: string): Vocabulary {
    const vocabulary = VOCABULARIES.find((candidate) => candidate === value);
    if (vocabulary === undefined)
      throw ProblemException.notFound(`There is no vocabulary ${value}; there are ${VOCABULARIES.join(' and ')}`);
    return vocabulary;
  }
}

/** `@Param('code', TermCodePipe)`: a code that cannot exist is a 400 naming `code`. */
@Injectable()
export class TermCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !TERM_CODE_PATTERN.test(value))
      throw ProblemException.badRequest([{ field: 'code', message: TERM_CODE_RULE }]);
    return value;
  }
}

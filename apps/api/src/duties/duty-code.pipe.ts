import { Injectable, type PipeTransform } from '@nestjs/common';
import { DUTY_CODE_PATTERN } from '@fangquan/domain';
import { ProblemException } from '../http/problem';
import { DUTY_CODE_FORMAT } from './dto/duty.dto';

/** `@Param('code', new DutyCodePipe('code'))`: a code that cannot exist is a 400 naming the parameter. */
@Injectable()
export class DutyCodePipe implements PipeTransform<string, string> {
  constructor(private readonly field: string) {}

  transform(value: string): string {
    if (typeof value !== 'string' || !DUTY_CODE_PATTERN.test(value)) {
      throw ProblemException.badRequest([{ field: this.field, message: DUTY_CODE_FORMAT.replace(/^code/, this.field) }]);
    }
    return value;
  }
}

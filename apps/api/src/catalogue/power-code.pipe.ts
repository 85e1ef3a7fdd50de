import { Injectable, type PipeTransform } from '@nestjs/common';
import { ProblemException } from '../http/problem';
import { POWER_CODE_PATTERN } from './dto/power.dto';

/** `@Param('code', PowerCodePipe)`: a code that cannot exist (spaces, slashes, too long) is a 400 naming `code`. */
@Injectable()
export class PowerCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !POWER_CODE_PATTERN.test(value)) {
      throw ProblemException.badRequest([{ field: 'code', message: 'code must be 1 to 64 characters without spaces, slashes, ?, # or %' }]);
    }
    return value;
  }
}

import { Injectable, PipeTransform } from '@nestjs/common';
import { ProblemException } from './problem';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `@Param('countyId', new UuidParamPipe('countyId'))`: a malformed id is a 400 naming the parameter (never a database error). */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  constructor(private readonly field: string) {}

  transform(value: string): string {
    if (typeof value !== 'string' || !UUID.test(value))
      throw ProblemException.badRequest([{ field: this.field, message: `${this.field} must be a UUID` }]);
    return value.toLowerCase();
  }
}

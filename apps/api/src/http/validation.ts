import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, ProblemException } from './problem';
import { constraintCode } from './problem-codes';

/** Flattens class-validator's tree into `a.b[0].c` field paths, one entry per broken rule, coded by the rule's name. */
export function flattenValidationErrors(errors: readonly ValidationError[], parent = ''): FieldError[] {
  const result: FieldError[] = [];
  for (const error of errors) {
    const key = /^\d+$/.test(error.property) ? `[${error.property}]` : parent ? `.${error.property}` : error.property;
    const path = `${parent}${key}`;
    for (const [constraint, message] of Object.entries(error.constraints ?? {}))
      result.push({ field: path, code: constraintCode(constraint), message });
    if (error.children?.length) result.push(...flattenValidationErrors(error.children, path));
  }
  return result;
}

/** DTO validation for every request: unknown fields refused, every bad field named in one 400. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => ProblemException.badRequest(flattenValidationErrors(errors)),
  });
}

import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { problem, ProblemException, type FieldError } from './problem';
import type { ProblemCode } from './problem-codes';
import { inputDefects, textDefect } from './text-checks';

function refusal(errors: readonly FieldError[], slug: ProblemCode, detail: string): ProblemException {
  return new ProblemException(problem(400, detail, { errors }, slug));
}

/**
 * The first global pipe, before any DTO transform: every string of a body or path parameter must be
 * storable text (no U+0000, no lone surrogate), a body carries no prototype keys (`__proto__`,
 * `constructor`), and no body field is `null` (an optional field is left out). Each refusal is a 400
 * naming the fields. Query strings are checked before routing (see `request-edge.ts`).
 */
@Injectable()
export class RequestTextPipe implements PipeTransform<unknown, unknown> {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'param' && typeof value === 'string') {
      const field = metadata.data ?? 'path';
      const defect = textDefect(value);
      if (defect)
        throw refusal(
          [{ field, code: 'not-storable-text', message: `${field} ${defect}` }],
          'invalid-text',
          `Invalid path parameter: ${field}`,
        );
    }
    if (metadata.type === 'body') {
      const { text, keys, nulls } = inputDefects(value, metadata.data ?? '', { nulls: true });
      const fields = (errors: readonly FieldError[]): string => [...new Set(errors.map((e) => e.field))].join(', ');
      if (text.length > 0) throw refusal(text, 'invalid-text', `Not storable as text: ${fields(text)}`);
      if (keys.length > 0) throw ProblemException.badRequest(keys);
      if (nulls.length > 0) throw refusal(nulls, 'null-field', `Fields given null (leave an optional field out): ${fields(nulls)}`);
    }
    return value;
  }
}

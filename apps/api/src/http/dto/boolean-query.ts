import type { TransformFnParams } from 'class-transformer';

/** `@Transform(booleanText)` on a query DTO's boolean: the query's text `true` / `false` as booleans, anything else left for the validator to refuse. */
export function booleanText(params: TransformFnParams): unknown {
  const value: unknown = params.value;
  return value === 'true' ? true : value === 'false' ? false : value;
}

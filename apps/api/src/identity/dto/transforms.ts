import type { TransformFnParams } from 'class-transformer';

/** Trims strings and leaves everything else for the validators to refuse. */
export function trimString(params: TransformFnParams): unknown {
  const value: unknown = params.value;
  return typeof value === 'string' ? value.trim() : value;
}

export function lowerCaseString(params: TransformFnParams): unknown {
  const value: unknown = params.value;
  return typeof value === 'string' ? value.toLowerCase() : value;
}

import type { TransformFnParams } from 'class-transformer';

/** Trims strings and leaves everything else for the validators to refuse. */
export function trimmed(params: TransformFnParams): unknown {
  const value: unknown = params.value;
  return typeof value === 'string' ? value.trim() : value;
}

/** Longest free text accepted (names, reasons, legal bases). */
export const TEXT_MAX = 500;
/** Longest short label accepted (kinds, courses, departments, certificate numbers). */
export const LABEL_MAX = 100;
/** Most lines in one list of a request. */
export const LIST_MAX = 200;

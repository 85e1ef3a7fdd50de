import type { TransformFnParams } from 'class-transformer';

/** Trims strings and leaves everything else for the validators to refuse. */
export function trimmed(params: TransformFnParams): unknown {
  const value: unknown = params.value;
  return typeof value === 'string' ? value.trim() : value;
}

/** The limits of text and lists: the domain's, which its command parsers enforce too (one contract). */
export { LABEL_MAX, LIST_MAX, TEXT_MAX } from '@fangquan/domain';

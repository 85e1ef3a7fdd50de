import { isValidDate } from './calendar';
import type { FieldError } from './domain-error';

/**
 * Field checks used by the command parsers. Each check reads an untrusted value, records a field error
 * into the caller's list when the value is bad, and returns the normalised value (trimmed
 * strings). The caller refuses with every collected error at once.
 */
export type FieldErrors = FieldError[];

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Text, trimmed; `max`: the longest accepted (after trimming). */
export function requireText(errors: FieldErrors, field: string, value: unknown, max?: number): string {
  if (typeof value !== 'string') {
    errors.push({ field, message: 'is required' });
    return '';
  }
  const trimmed = value.trim();
  if (trimmed === '') errors.push({ field, message: 'must not be blank' });
  checkLength(errors, field, trimmed, max);
  return trimmed;
}

function checkLength(errors: FieldErrors, field: string, text: string, max: number | undefined): void {
  if (max !== undefined && text.length > max) errors.push({ field, message: `must be at most ${max} characters` });
}

/** A number that must not exceed `max`, when it is a number at all (the other checks name what else is wrong). */
export function checkAtMost(errors: FieldErrors, field: string, value: unknown, max: number): void {
  if (typeof value === 'number' && value > max) errors.push({ field, message: `must be at most ${max}` });
}

/** Optional text: `undefined`, `null` and blank text mean absent (a form's empty field); anything else must be text. */
export function optionalText(errors: FieldErrors, field: string, value: unknown, max?: number): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    errors.push({ field, message: 'must be text' });
    return undefined;
  }
  const trimmed = value.trim();
  checkLength(errors, field, trimmed, max);
  return trimmed === '' ? undefined : trimmed;
}

export function requireInteger(errors: FieldErrors, field: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    errors.push({ field, message: 'must be a whole number' });
    return 0;
  }
  if (value < min) errors.push({ field, message: `must be at least ${min}` });
  return value;
}

export function requirePositiveNumber(errors: FieldErrors, field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    errors.push({ field, message: 'must be a number' });
    return 0;
  }
  if (value <= 0) errors.push({ field, message: 'must be greater than 0' });
  return value;
}

export function optionalNonNegativeNumber(errors: FieldErrors, field: string, value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    errors.push({ field, message: 'must be a number' });
    return undefined;
  }
  if (value < 0) errors.push({ field, message: 'must not be negative' });
  return value;
}

export function requireDate(errors: FieldErrors, field: string, value: unknown): string {
  if (!isValidDate(value)) {
    errors.push({ field, message: 'must be a date YYYY-MM-DD' });
    return '';
  }
  return value;
}

export function optionalDate(errors: FieldErrors, field: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return requireDate(errors, field, value);
}

const INSTANT_PATTERN = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** An ISO 8601 instant with its zone (`2026-02-13T09:00:00+08:00`), normalised to UTC (`…Z`, milliseconds). */
export function requireInstant(errors: FieldErrors, field: string, value: unknown): string {
  const match = typeof value === 'string' ? INSTANT_PATTERN.exec(value) : null;
  // The date is checked on its own: Date.parse rolls 30 February over into March.
  const millis = match !== null && isValidDate(match[1]) ? Date.parse(match[0]) : Number.NaN;
  if (!Number.isFinite(millis)) {
    errors.push({ field, message: 'must be an instant in ISO 8601 with its time zone', code: 'not-an-instant' });
    return '';
  }
  return new Date(millis).toISOString();
}

export function requireBoolean(errors: FieldErrors, field: string, value: unknown): boolean {
  if (typeof value !== 'boolean') {
    errors.push({ field, message: 'must be true or false' });
    return false;
  }
  return value;
}

export function requireOneOf<T extends string>(errors: FieldErrors, field: string, value: unknown, allowed: readonly [T, ...T[]]): T {
  const match = allowed.find((candidate) => candidate === value);
  if (match === undefined) {
    errors.push({ field, message: `must be one of ${allowed.join(', ')}` });
    return allowed[0];
  }
  return match;
}

/** A list (of at most `max` entries); `undefined`/`null` count as empty when `optional`. */
export function requireList(errors: FieldErrors, field: string, value: unknown, optional = false, max?: number): readonly unknown[] {
  if (Array.isArray(value)) {
    if (max !== undefined && value.length > max) errors.push({ field, message: `must have at most ${max} entries` });
    return value as readonly unknown[];
  }
  if (optional && (value === undefined || value === null)) return [];
  errors.push({ field, message: 'must be a list' });
  return [];
}

/** Records an error on every entry whose key repeats an earlier one. */
export function rejectDuplicates(errors: FieldErrors, field: (index: number) => string, keys: readonly string[], what: string): void {
  const seen = new Set<string>();
  keys.forEach((key, index) => {
    if (key === '') return;
    if (seen.has(key)) errors.push({ field: field(index), message: `duplicate ${what} '${key}'` });
    seen.add(key);
  });
}

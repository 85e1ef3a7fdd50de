import type { FieldError } from './problem';

/** A lone UTF-16 surrogate: half of a pair with no other half (PostgreSQL would store it as U+FFFD, or refuse it). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Keys that name an object's prototype machinery: never a field of the API, refused like any unknown field. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Why a string cannot be stored as text, or undefined when it can: U+0000 and lone surrogates are not text. */
export function textDefect(value: string): string | undefined {
  if (value.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (LONE_SURROGATE.test(value)) return 'must not contain a lone UTF-16 surrogate';
  return undefined;
}

export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent === '' ? key : `${parent}.${key}`;
}

export interface InputDefects {
  /** NUL or lone surrogates, in values or keys. */
  readonly text: FieldError[];
  /** `null` where the API takes a value or nothing (an optional field is left out, never null). */
  readonly nulls: FieldError[];
  /** `__proto__`, `constructor`, `prototype`. */
  readonly keys: FieldError[];
}

/**
 * Walks a parsed request value without recursion (its depth is bounded by the body parser, but a
 * walk must not be the thing that overflows) and collects every defect, each named by its field path.
 */
export function inputDefects(root: unknown, rootPath: string, options: { readonly nulls: boolean }): InputDefects {
  const defects: InputDefects = { text: [], nulls: [], keys: [] };
  const pending: Array<[value: unknown, path: string]> = [[root, rootPath]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [value, path] = next;
    const field = path === '' ? 'body' : path;
    if (typeof value === 'string') {
      const defect = textDefect(value);
      if (defect) defects.text.push({ field, code: 'not-storable-text', message: `${field} ${defect}` });
    } else if (value === null) {
      if (options.nulls && path !== rootPath)
        defects.nulls.push({ field, code: 'null-not-allowed', message: `${field} must not be null: leave it out instead` });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => pending.push([item, childPath(path, index)]));
    } else if (typeof value === 'object') {
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        const keyPath = childPath(path, key);
        const keyDefect = textDefect(key);
        if (keyDefect) defects.text.push({ field: keyPath, code: 'not-storable-text', message: `a field name ${keyDefect}` });
        else if (PROTOTYPE_KEYS.has(key))
          defects.keys.push({ field: keyPath, code: 'unknown-field', message: `property ${key} should not exist` });
        pending.push([item, keyPath]);
      }
    }
  }
  return defects;
}

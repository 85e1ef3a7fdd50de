import type { Decider } from './decider';
import { invalid, type FieldError } from './domain-error';

/** A value, or why there is none. */
export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

/** The parsed value, unless a field check recorded an error. */
export function parsedOr<T>(errors: readonly FieldError[], value: T): Result<T, FieldError[]> {
  return errors.length > 0 ? { ok: false, error: [...errors] } : { ok: true, value };
}

/** Reads a command's shape: every field of the right type, within the limits, normalised; every bad field named. */
export type CommandParser<C> = (command: C) => Result<C, FieldError[]>;

/**
 * The decider as the ledger runs it: each command parsed first (a bad shape is refused as invalid,
 * naming every field, before any rule is weighed), then decided on its parsed form. `decide` itself
 * weighs the business rules only.
 */
export function parsingFirst<C, E, S>(decider: Decider<C, E, S>, parse: CommandParser<C>): Decider<C, E, S> {
  return {
    initialState: decider.initialState,
    evolve: decider.evolve,
    decide: (command, state, ctx) => {
      const parsed = parse(command);
      return parsed.ok ? decider.decide(parsed.value, state, ctx) : { ok: false, error: invalid(parsed.error) };
    },
  };
}

import type { DomainError } from './domain-error';

/** A persisted fact. `type` is a stable PascalCase past-tense name, never derived from a class name. */
export interface DomainEvent<Type extends string = string, Data extends object = object> {
  readonly type: Type;
  readonly data: Data;
}

/** A request to change an aggregate; same shape as an event, named in the imperative. */
export interface DomainCommand<Type extends string = string, Data extends object = object> {
  readonly type: Type;
  readonly data: Data;
}

/** Everything `decide` may know about the outside world: time comes in, it is never read. */
export interface DecisionContext {
  /** ISO-8601 instant. */
  readonly now: string;
  /** `YYYY-MM-DD` in the county's time zone. */
  readonly today: string;
}

export type Decision<E> = { ok: true; events: E[] } | { ok: false; error: DomainError };

export interface Decider<C, E, S> {
  initialState: S;
  decide(command: C, state: S, ctx: DecisionContext): Decision<E>;
  evolve(state: S, event: E): S;
}

/** Folds events onto a state (rehydration). */
export function evolveAll<E, S>(decider: Pick<Decider<unknown, E, S>, 'evolve'>, state: S, events: readonly E[]): S {
  return events.reduce((current, event) => decider.evolve(current, event), state);
}

/** Exhaustiveness check for discriminated unions; reaching it at run time means an unknown type. */
export function exhaustive(value: never, what: string): never {
  const type = typeof value === 'object' && value !== null && 'type' in value ? String((value as { type: unknown }).type) : String(value);
  throw new Error(`Unknown ${what}: ${type}`);
}

import { expect } from 'vitest';
import type { Decider, DecisionContext, Decision } from '../decider';
import type { DomainError } from '../domain-error';

/**
 * given(events).when(command).then(events) for the pure deciders (in the style of emmett's
 * DeciderSpecification). Every `when` also checks that the decider is pure and snapshot-safe:
 * the state folded from `given` is plain JSON, deciding twice gives the same decision, and
 * deciding on the JSON copy of the state gives the same decision as on the state itself.
 */
export const DEFAULT_CONTEXT: DecisionContext = { now: '2025-03-01T02:00:00.000Z', today: '2025-03-01' };

export function contextOn(today: string): DecisionContext {
  return { now: `${today}T02:00:00.000Z`, today };
}

type DeepPartial<T> = T extends (infer U)[] ? DeepPartial<U>[] : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

/** An error to expect: its kind, and any subset of its other fields (arrays matched element by element). */
export type ExpectedError = {
  [K in DomainError['kind']]: { kind: K } & DeepPartial<Omit<Extract<DomainError, { kind: K }>, 'kind'>>;
}[DomainError['kind']];

export interface ThenClause<E, S> {
  /** The decision succeeded with exactly these events (which must also evolve cleanly). */
  then(expected: E[]): S;
  /** The decision was refused with an error matching `expected` (a subset, Jest `toMatchObject`). */
  thenFails(expected: ExpectedError): DomainError;
  /** The decision succeeded with no events (an idempotent repeat). */
  thenNothing(): S;
  /** The decision succeeded; the state after its events matches `expected`. */
  thenState(expected: Partial<S> | S): S;
}

export interface WhenClause<C, E, S> {
  when(command: C, ctx?: DecisionContext): ThenClause<E, S>;
}

export const DeciderSpecification = {
  for<C, E, S>(decider: Decider<C, E, S>): { given(events: E[]): WhenClause<C, E, S> } {
    return {
      given(events: E[]): WhenClause<C, E, S> {
        return {
          when(command: C, ctx: DecisionContext = DEFAULT_CONTEXT): ThenClause<E, S> {
            const state = events.reduce((current, event) => decider.evolve(current, event), decider.initialState);
            const snapshot = roundTrip(state);
            expect(snapshot).toEqual(state);

            const decision = decider.decide(command, state, ctx);
            expect(decider.decide(command, state, ctx)).toEqual(decision);
            expect(decider.decide(roundTrip(command), snapshot, ctx)).toEqual(decision);

            const succeeded = (): E[] => {
              if (!decision.ok) throw new Error(`Expected success, got ${JSON.stringify(decision.error)}`);
              expect(roundTrip(decision.events)).toEqual(decision.events);
              return decision.events;
            };
            const stateAfter = (produced: E[]): S => {
              const next = produced.reduce((current, event) => decider.evolve(current, event), state);
              expect(roundTrip(next)).toEqual(next);
              return next;
            };

            return {
              then(expected: E[]): S {
                const produced = succeeded();
                expect(produced).toEqual(expected);
                return stateAfter(produced);
              },
              thenFails(expected): DomainError {
                expect(decision).toMatchObject({ ok: false });
                const error = (decision as Extract<Decision<E>, { ok: false }>).error;
                expect(error).toMatchObject(expected);
                return error;
              },
              thenNothing(): S {
                expect(succeeded()).toEqual([]);
                return state;
              },
              thenState(expected): S {
                const next = stateAfter(succeeded());
                expect(next).toMatchObject(expected as object);
                return next;
              },
            };
          },
        };
      },
    };
  },
};

function roundTrip<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { CommandOptions, LedgerActor } from '@fangquan/ledger';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import { correlationIdOf } from '../identity/correlation';
import { parseIfMatch } from './if-match';
import { actorOf } from './ledger-http';

/** Who issues a write, and the options the ledger runs it with. */
export interface CommandCall {
  readonly actor: LedgerActor;
  /** The request's correlation id, and the version from If-Match when the route takes one. */
  readonly options: CommandOptions;
}

export interface CommandCallOptions {
  /** False on routes that create an aggregate: If-Match is not read there. Default true. */
  readonly ifMatch?: boolean;
}

/**
 * A write action's caller as the ledger needs it: the actor (from the verified token), the
 * correlation id (`X-Correlation-Id` / `X-Request-Id`, else a new one) and the expected version
 * (`If-Match`; malformed → 400). `@CommandCall() call: CommandCall`, then `ledger.x(call.actor, …, call.options)`.
 */
export const CommandCall = createParamDecorator((data: CommandCallOptions | undefined, context: ExecutionContext): CommandCall =>
  commandCallOf(context.switchToHttp().getRequest<AuthenticatedRequest>(), data ?? {}),
);

/** The CommandCall of a request (the decorator's work, apart from Nest). */
export function commandCallOf(request: AuthenticatedRequest, data: CommandCallOptions): CommandCall {
  const user = request.user;
  if (!user) throw new Error('CommandCall used on a route without authentication');
  const expectedVersion = data.ifMatch === false ? undefined : parseIfMatch(request.header('if-match'));
  return {
    actor: actorOf(user),
    options: { correlationId: correlationIdOf(request), ...(expectedVersion === undefined ? {} : { expectedVersion }) },
  };
}

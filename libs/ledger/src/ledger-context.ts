import { Inject, Injectable } from '@nestjs/common';
import { type DecisionContext, decisionDueAt, isDecisionOverdue } from '@fangquan/domain';
import type { EventMetadata } from '@fangquan/event-store';
import { APP_CONFIG, type AppConfig, CLOCK, type Clock, localDate } from '@fangquan/platform';
import type { CommandOptions, LedgerActor } from './ledger.types';

/** One reading of the clock for one command: what `decide` may know, and what the events carry. */
export interface CommandContext {
  readonly decision: DecisionContext;
  readonly metadata: (countyId: string) => EventMetadata;
}

/** Builds decision contexts and event metadata from the clock and the county's time zone. */
@Injectable()
export class LedgerContext {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `YYYY-MM-DD` today in the county's time zone. */
  today(): string {
    return localDate(this.clock.now(), this.config.timeZone);
  }

  /** The county's calendar date (`YYYY-MM-DD`) of an instant, e.g. of an event's `occurredAt`. */
  localDateOf(instant: string): string {
    return localDate(new Date(instant), this.config.timeZone);
  }

  /** When a request filed at `filedAt` falls due for the county office's decision, and whether it is past that now. */
  decisionDue(filedAt: string): { decisionDueAt: string; pastDue: boolean } {
    const delay = this.config.decisionReminder;
    const calendar = this.config.workCalendar;
    return {
      decisionDueAt: decisionDueAt(filedAt, delay, calendar),
      pastDue: isDecisionOverdue(filedAt, delay, calendar, this.clock.now().toISOString()),
    };
  }

  forCommand(actor: LedgerActor, options: CommandOptions): CommandContext {
    const instant = this.clock.now();
    const now = instant.toISOString();
    return {
      decision: { now, today: localDate(instant, this.config.timeZone) },
      metadata: (countyId) => ({
        actor: actor.username,
        countyId,
        correlationId: options.correlationId,
        causationId: options.causationId ?? null,
        occurredAt: now,
      }),
    };
  }
}

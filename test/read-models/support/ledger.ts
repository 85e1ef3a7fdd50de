import { randomUUID } from 'node:crypto';
import {
  handoverDecider,
  parseHandoverCommand,
  parsePowerItemCommand,
  parseTeamCommand,
  parsingFirst,
  powerItemDecider,
  teamDecider,
  type Decider,
  type DomainEvent,
  type HandoverCommand,
  type HandoverEvent,
  type HandoverState,
  type PowerItemCommand,
  type PowerItemEvent,
  type PowerItemState,
  type TeamCommand,
  type TeamEvent,
  type TeamState,
} from '@fangquan/domain';
import type { AppendResult, EventStore } from '@fangquan/event-store';
import { type Clock, localDate } from '@fangquan/platform';
import { handoverStreamId, powerStreamId, teamStreamId } from '@fangquan/read-models';

export const TIME_ZONE = 'Asia/Shanghai';

/**
 * The command side in miniature: load a stream, let the domain's decider parse and decide, append what it
 * decided with the metadata every event carries. Refusals throw (a test scenario must be valid).
 */
export class TestLedger {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  power(countyId: string, code: string, command: PowerItemCommand): Promise<AppendResult> {
    return this.execute<PowerItemCommand, PowerItemEvent, PowerItemState>(
      parsingFirst(powerItemDecider, parsePowerItemCommand),
      powerStreamId(countyId, code),
      countyId,
      command,
    );
  }

  team(countyId: string, teamId: string, command: TeamCommand): Promise<AppendResult> {
    return this.execute<TeamCommand, TeamEvent, TeamState>(
      parsingFirst(teamDecider, parseTeamCommand),
      teamStreamId(teamId),
      countyId,
      command,
    );
  }

  handover(countyId: string, handoverId: string, command: HandoverCommand): Promise<AppendResult> {
    return this.execute<HandoverCommand, HandoverEvent, HandoverState>(
      parsingFirst(handoverDecider, parseHandoverCommand),
      handoverStreamId(handoverId),
      countyId,
      command,
    );
  }

  private async execute<C, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    streamId: string,
    countyId: string,
    command: C,
  ): Promise<AppendResult> {
    const history = await this.store.readStream(streamId);
    const state = history.reduce(
      (current, event) => decider.evolve(current, { type: event.type, data: event.data } as unknown as E),
      decider.initialState,
    );
    const now = this.clock.now();
    const decision = decider.decide(command, state, { now: now.toISOString(), today: localDate(now, TIME_ZONE) });
    if (!decision.ok) throw new Error(`${streamId} refused the command: ${JSON.stringify(decision.error)}`);
    if (decision.events.length === 0) throw new Error(`${streamId}: the command decided nothing`);
    return this.store.append(streamId, history.length, decision.events, {
      actor: 'test',
      countyId,
      correlationId: randomUUID(),
      causationId: null,
      occurredAt: now.toISOString(),
    });
  }
}

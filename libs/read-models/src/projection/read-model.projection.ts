import type { EntityManager } from 'typeorm';
import {
  isHandoverEvent,
  isPowerItemEvent,
  isTeamEvent,
  type DomainEvent,
  type HandoverEvent,
  type PowerItemEvent,
  type TeamEvent,
} from '@fangquan/domain';
import { consoleEventStoreLogger, type EventStoreLogger, type RecordedEvent, type SubscriptionHandler } from '@fangquan/event-store';
import { type Clock, localDate } from '@fangquan/platform';
import { isNewFor, placeOf } from './event-place';
import { applyHandoverEvent } from './handover-view.mapper';
import { applyPowerEvent } from './power-view.mapper';
import { ReadModelRows } from './read-model.rows';
import { recomputeReadiness, type PowerKey, type TeamKey } from './readiness.recompute';
import { handoverIdOf, powerCodeOf, teamIdOf } from '@fangquan/domain';
import { applyTeamEvent } from './team-view.mapper';

/** The subscription's name: its checkpoint row and its advisory lock. */
export const READ_MODELS_SUBSCRIPTION = 'read-models';

/** The handovers whose readiness a batch may have changed (each re-assessed once, at the end of the batch). */
class Affected {
  readonly ids = new Set<string>();
  private readonly teamKeys = new Map<string, TeamKey>();
  private readonly powerKeys = new Map<string, PowerKey>();

  team(key: TeamKey): void {
    this.teamKeys.set(JSON.stringify([key.countyId, key.teamId]), key);
  }

  power(key: PowerKey): void {
    this.powerKeys.set(JSON.stringify([key.countyId, key.code]), key);
  }

  get teams(): TeamKey[] {
    return [...this.teamKeys.values()];
  }

  get powers(): PowerKey[] {
    return [...this.powerKeys.values()];
  }
}

/**
 * Fills `power_items`, `teams` and `handovers` from the log, in log order, writing only through the
 * batch's transaction. Idempotent per row: a row records the stream version it includes and older or
 * equal events are skipped. Readiness of every open handover an event may touch (team events → the
 * team's handovers, power events → the power's handovers, handover events → that handover) is
 * re-assessed once per batch as of today. A revocation freezes the handover's readiness as it stood
 * on the revocation's date, so a replay on any later day gives the same row.
 */
export class ReadModelProjection implements SubscriptionHandler {
  readonly name = READ_MODELS_SUBSCRIPTION;

  constructor(
    private readonly clock: Clock,
    private readonly timeZone: string,
    private readonly logger: EventStoreLogger = consoleEventStoreLogger,
  ) {}

  async handle(events: RecordedEvent[], tx: EntityManager): Promise<void> {
    const rows = new ReadModelRows(tx);
    const affected = new Affected();
    for (const event of events) {
      const domainEvent: DomainEvent = { type: event.type, data: event.data };
      if (isPowerItemEvent(domainEvent)) await this.onPowerEvent(rows, event, domainEvent, affected);
      else if (isTeamEvent(domainEvent)) await this.onTeamEvent(rows, event, domainEvent, affected);
      else if (isHandoverEvent(domainEvent)) await this.onHandoverEvent(rows, tx, event, domainEvent, affected);
    }
    const today = localDate(this.clock.now(), this.timeZone);
    await recomputeReadiness(tx, { ids: [...affected.ids], teams: affected.teams, powers: affected.powers }, today);
  }

  private async onPowerEvent(rows: ReadModelRows, recorded: RecordedEvent, event: PowerItemEvent, affected: Affected): Promise<void> {
    const key: PowerKey | undefined =
      event.type === 'PowerItemRegistered'
        ? { countyId: event.data.countyId, code: event.data.code }
        : this.powerKeyOf(recorded);
    if (key === undefined) return this.skip(recorded, 'its stream id names no power item of the county in its metadata');
    const current = await rows.power(key.countyId, key.code);
    const place = placeOf(recorded);
    if (!isNewFor(current?.version, place)) return;
    const next = applyPowerEvent(current, event, place);
    if (next === null) return this.skip(recorded, 'the power item is not registered');
    await rows.savePower(next, current !== null);
    affected.power(key);
  }

  private async onTeamEvent(rows: ReadModelRows, recorded: RecordedEvent, event: TeamEvent, affected: Affected): Promise<void> {
    const teamId = event.type === 'TeamFormed' ? event.data.teamId : teamIdOf(recorded.streamId);
    if (teamId === undefined) return this.skip(recorded, 'its stream id names no team');
    const current = await rows.team(teamId);
    const place = placeOf(recorded);
    if (!isNewFor(current?.version, place)) return;
    const next = applyTeamEvent(current, event, place);
    if (next === null) return this.skip(recorded, 'the team has not been formed');
    await rows.saveTeam(next, current !== null);
    affected.team({ countyId: next.countyId, teamId: next.teamId });
  }

  private async onHandoverEvent(rows: ReadModelRows, tx: EntityManager, recorded: RecordedEvent, event: HandoverEvent, affected: Affected): Promise<void> {
    const id = event.type === 'HandoverRecorded' ? event.data.handoverId : handoverIdOf(recorded.streamId);
    if (id === undefined) return this.skip(recorded, 'its stream id names no handover');
    const current = await rows.handover(id);
    const place = placeOf(recorded);
    if (!isNewFor(current?.version, place)) return;
    const next = applyHandoverEvent(current, event, place);
    if (next === null) return this.skip(recorded, 'the handover has not been recorded');
    await rows.saveHandover(next, current !== null);
    if (event.type === 'HandoverRevoked') {
      // Frozen as of the revocation's own date: what was missing when the power was taken back.
      await recomputeReadiness(tx, { ids: [id], includeRevoked: true }, localDate(place.occurredAt, this.timeZone));
    } else if (event.type !== 'ReminderSent') {
      // A reminder sent changes the row's version, never what the handover lacks.
      affected.ids.add(id);
    }
  }

  private powerKeyOf(recorded: RecordedEvent): PowerKey | undefined {
    const { countyId } = recorded.metadata;
    const code = powerCodeOf(recorded.streamId, countyId);
    return countyId === null || code === undefined ? undefined : { countyId, code };
  }

  /** An event the read side cannot place is logged and passed over; stalling every read model on it would help no one. */
  private skip(recorded: RecordedEvent, why: string): void {
    this.logger.warn(`read-models: skipped ${recorded.type} at ${recorded.streamId}@${recorded.streamVersion} (position ${recorded.globalPosition}): ${why}`, {
      streamId: recorded.streamId,
      globalPosition: recorded.globalPosition,
    });
  }
}

import type { DataSource, EntityManager } from 'typeorm';
import {
  handoverIdOf,
  isHandoverEvent,
  isPowerItemEvent,
  isRecordOnlyHandoverEvent,
  isTeamEvent,
  powerCodeOf,
  teamIdOf,
  type DomainEvent,
  type HandoverEvent,
  type PowerItemEvent,
  type TeamEvent,
} from '@fangquan/domain';
import {
  consoleEventStoreLogger,
  type EventStoreLogger,
  GATE,
  type GatedSubscriptionHandler,
  type GatedWrite,
  type RecordedEvent,
} from '@fangquan/event-store';
import { type Clock, localDate } from '@fangquan/platform';
import { isNewFor, placeOf } from './event-place';
import { dutyWrites } from './duty-view.projection';
import { applyHandoverEvent } from './handover-view.mapper';
import { applyPowerEvent } from './power-view.mapper';
import { BatchRows, type BatchRowKeys, type PowerKey, powerKeyText } from './read-model.rows';
import { applyTeamEvent } from './team-view.mapper';
import { whistleWrites } from './whistle-view.projection';

/** The subscription's name: its checkpoint row and its advisory lock. */
export const READ_MODELS_SUBSCRIPTION = 'read-models';

/** An event of the batch with the row it belongs to. */
type PlacedEvent =
  | { readonly kind: 'power'; readonly recorded: RecordedEvent; readonly event: PowerItemEvent; readonly key: PowerKey }
  | { readonly kind: 'team'; readonly recorded: RecordedEvent; readonly event: TeamEvent; readonly teamId: string }
  | { readonly kind: 'handover'; readonly recorded: RecordedEvent; readonly event: HandoverEvent; readonly handoverId: string };

/** What a batch names (see BatchRowKeys), collected while placing its events. */
class BatchKeys implements BatchRowKeys {
  readonly handoverIds = new Set<string>();
  readonly changedTeamIds = new Set<string>();
  readonly changedPowers = new Map<string, PowerKey>();
  readonly lookupTeamIds = new Set<string>();
  readonly lookupPowers = new Map<string, PowerKey>();

  add(placed: PlacedEvent): void {
    if (placed.kind === 'power') this.changedPowers.set(powerKeyText(placed.key), placed.key);
    else if (placed.kind === 'team') this.changedTeamIds.add(placed.teamId);
    else {
      this.handoverIds.add(placed.handoverId);
      if (placed.event.type === 'HandoverRecorded') {
        const { countyId, powerCode, teamId } = placed.event.data;
        this.lookupTeamIds.add(teamId);
        this.lookupPowers.set(powerKeyText({ countyId, code: powerCode }), { countyId, code: powerCode });
      }
    }
  }
}

/**
 * A handover's row whose batch holds nothing for it but reminders sent and months' cases recorded
 * (HANDOVER_RECORD_ONLY_EVENTS): only its version and time move (neither changes what the handover lacks), in one UPDATE for the batch instead of
 * reading and rewriting the whole row. Guarded like every row: an older or equal version is skipped.
 * $1 the bumps (JSON), $2 their ids: through the ids the planner finds the rows by key, where joining
 * the JSON rows alone (estimated at 100) it read the whole handovers table for every batch.
 */
const BUMP_VERSIONS_SQL = `UPDATE handovers h SET version = x.version, updated_at = x.updated_at
  FROM jsonb_to_recordset($1::jsonb) AS x(id text, version int, updated_at timestamptz)
  WHERE h.id = ANY($2::text[]) AND h.id = x.id AND h.version < x.version AND ${GATE}`;

interface VersionBump {
  readonly id: string;
  readonly version: number;
  readonly updated_at: string;
}

/**
 * The handovers of a batch that only had reminders sent (or cases recorded), with the version and time of the last one;
 * none when the batch changes a team or a power (their handovers' rows are read and rewritten whole).
 */
function recordOnlyHandovers(placed: readonly PlacedEvent[]): Map<string, VersionBump> {
  const bumps = new Map<string, VersionBump>();
  if (placed.some((event) => event.kind !== 'handover')) return bumps;
  const otherwise = new Set<string>();
  for (const event of placed) {
    if (event.kind !== 'handover') continue;
    if (!isRecordOnlyHandoverEvent(event.event)) otherwise.add(event.handoverId);
    else {
      const { version, occurredAt } = placeOf(event.recorded);
      bumps.set(event.handoverId, { id: event.handoverId, version, updated_at: occurredAt.toISOString() });
    }
  }
  for (const id of otherwise) bumps.delete(id);
  return bumps;
}

/** The handovers whose readiness the batch may have changed; each is re-assessed once, at the end. */
class Affected {
  readonly handoverIds = new Set<string>();
  readonly teamIds = new Set<string>();
  readonly powers = new Set<string>();

  includes(handover: { id: string; teamId: string; countyId: string; powerCode: string }): boolean {
    return (
      this.handoverIds.has(handover.id) ||
      this.teamIds.has(handover.teamId) ||
      this.powers.has(powerKeyText({ countyId: handover.countyId, code: handover.powerCode }))
    );
  }
}

/**
 * Fills `power_items`, `teams` and `handovers` from the log, in log order (and `duties` and
 * `duty_list_publications`, see dutyWrites, and `whistles`, see whistleWrites). A batch reads every row it
 * touches in one query (outside any transaction), applies its events in memory, and hands back one
 * upsert per changed table, which the runner commits in the same statement that moves the checkpoint
 * — and only if that statement moves it (see GatedSubscriptionHandler): three round trips a batch,
 * nothing held open. Idempotent per row: a row records the stream version it includes and older or
 * equal events are skipped. Readiness of every open handover an event may touch (team events → the
 * team's handovers, power events → the power's handovers, handover events → that handover) is
 * re-assessed once per batch as of today. A revocation freezes the handover's readiness as it stood
 * on the revocation's date, so a replay on any later day gives the same row.
 */
export class ReadModelProjection implements GatedSubscriptionHandler {
  readonly name = READ_MODELS_SUBSCRIPTION;

  constructor(
    private readonly clock: Clock,
    private readonly timeZone: string,
    private readonly logger: EventStoreLogger = consoleEventStoreLogger,
  ) {}

  /** The batch's writes: every changed row, to be committed with the checkpoint (see GatedSubscriptionHandler). */
  async plan(events: RecordedEvent[], dataSource: DataSource): Promise<GatedWrite[]> {
    const placed = events.map((recorded) => this.place(recorded)).filter((event): event is PlacedEvent => event !== undefined);
    const bumps = recordOnlyHandovers(placed);
    const rows = await this.apply(
      placed.filter((event) => event.kind !== 'handover' || !bumps.has(event.handoverId)),
      dataSource.manager,
    );
    const writes = [
      ...(rows === undefined ? [] : rows.gatedWrites()),
      ...dutyWrites(events),
      ...(await whistleWrites(events, dataSource.manager)),
    ];
    return bumps.size === 0
      ? writes
      : [...writes, { sql: BUMP_VERSIONS_SQL, parameters: [JSON.stringify([...bumps.values()]), [...bumps.keys()]] }];
  }

  /** Reads every row the batch touches, applies its events in log order, re-assesses readiness. */
  private async apply(placed: readonly PlacedEvent[], reader: EntityManager): Promise<BatchRows | undefined> {
    if (placed.length === 0) return undefined;
    const keys = new BatchKeys();
    for (const event of placed) keys.add(event);

    const rows = await BatchRows.load(reader, keys);
    const affected = new Affected();
    for (const event of placed) {
      if (event.kind === 'power') this.onPowerEvent(rows, event, affected);
      else if (event.kind === 'team') this.onTeamEvent(rows, event, affected);
      else this.onHandoverEvent(rows, event, affected);
    }
    const today = localDate(this.clock.now(), this.timeZone);
    for (const handover of [...rows.handovers.all()]) {
      if (handover.status !== 'revoked' && affected.includes(handover)) rows.reassess(handover, today);
    }
    return rows;
  }

  /** The row an event belongs to; undefined (logged) for events the read side cannot place or does not keep. */
  private place(recorded: RecordedEvent): PlacedEvent | undefined {
    const domainEvent: DomainEvent = { type: recorded.type, data: recorded.data };
    if (isPowerItemEvent(domainEvent)) {
      const key =
        domainEvent.type === 'PowerItemRegistered'
          ? { countyId: domainEvent.data.countyId, code: domainEvent.data.code }
          : this.powerKeyOf(recorded);
      if (key === undefined) return this.skip(recorded, 'its stream id names no power item of the county in its metadata');
      return { kind: 'power', recorded, event: domainEvent, key };
    }
    if (isTeamEvent(domainEvent)) {
      const teamId = domainEvent.type === 'TeamFormed' ? domainEvent.data.teamId : teamIdOf(recorded.streamId);
      if (teamId === undefined) return this.skip(recorded, 'its stream id names no team');
      return { kind: 'team', recorded, event: domainEvent, teamId };
    }
    if (isHandoverEvent(domainEvent)) {
      const handoverId = domainEvent.type === 'HandoverRecorded' ? domainEvent.data.handoverId : handoverIdOf(recorded.streamId);
      if (handoverId === undefined) return this.skip(recorded, 'its stream id names no handover');
      return { kind: 'handover', recorded, event: domainEvent, handoverId };
    }
    return undefined;
  }

  private onPowerEvent(rows: BatchRows, { recorded, event, key }: Extract<PlacedEvent, { kind: 'power' }>, affected: Affected): void {
    const current = rows.power(key);
    const place = placeOf(recorded);
    if (!isNewFor(current?.version, place)) return;
    const next = applyPowerEvent(current, event, place);
    if (next === null) return void this.skip(recorded, 'the power item is not registered');
    rows.powers.put(next);
    affected.powers.add(powerKeyText(key));
  }

  private onTeamEvent(rows: BatchRows, { recorded, event, teamId }: Extract<PlacedEvent, { kind: 'team' }>, affected: Affected): void {
    const current = rows.teams.get(teamId);
    const place = placeOf(recorded);
    if (!isNewFor(current?.version, place)) return;
    const next = applyTeamEvent(current, event, place);
    if (next === null) return void this.skip(recorded, 'the team has not been formed');
    rows.teams.put(next);
    affected.teamIds.add(teamId);
  }

  private onHandoverEvent(
    rows: BatchRows,
    { recorded, event, handoverId }: Extract<PlacedEvent, { kind: 'handover' }>,
    affected: Affected,
  ): void {
    const current = rows.handovers.get(handoverId);
    const place = placeOf(recorded);
    if (!isNewFor(current?.version, place)) return;
    const next = applyHandoverEvent(current, event, place);
    if (next === null) return void this.skip(recorded, 'the handover has not been recorded');
    rows.handovers.put(next);
    if (event.type === 'HandoverRevoked') {
      // Frozen as of the revocation's own date, against the power and team as they stood then in the log.
      rows.reassess(next, localDate(place.occurredAt, this.timeZone));
    } else if (!isRecordOnlyHandoverEvent(event)) {
      // A reminder sent or a month's cases change the row's version, never what the handover lacks.
      affected.handoverIds.add(handoverId);
    }
  }

  private powerKeyOf(recorded: RecordedEvent): PowerKey | undefined {
    const { countyId } = recorded.metadata;
    const code = powerCodeOf(recorded.streamId, countyId);
    return countyId === null || code === undefined ? undefined : { countyId, code };
  }

  /** An event the read side cannot place is logged and passed over; stalling every read model on it would help no one. */
  private skip(recorded: RecordedEvent, why: string): undefined {
    this.logger.warn(
      `read-models: skipped ${recorded.type} at ${recorded.streamId}@${recorded.streamVersion} (position ${recorded.globalPosition}): ${why}`,
      {
        streamId: recorded.streamId,
        globalPosition: recorded.globalPosition,
      },
    );
    return undefined;
  }
}

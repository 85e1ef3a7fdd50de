import type { DomainEvent } from '../decider';
import { isDutyListEvent } from '../duty-list/events';
import { evolveDutyList } from '../duty-list/evolve';
import { type DutyListState, initialDutyListState } from '../duty-list/state';
import { type HandoverRecorded, isHandoverEvent, type ReminderSent } from '../handover/events';
import { evolveHandover } from '../handover/evolve';
import { type HandoverState, initialHandoverState } from '../handover/state';
import { isPowerItemEvent } from '../power/events';
import { evolvePowerItem } from '../power/evolve';
import { initialPowerItemState, type PowerItemState } from '../power/state';
import { isRecallEvent } from '../recall/events';
import { dutyListStreamId, handoverIdOf, powerCodeOf, teamIdOf } from '../stream-ids';
import { isTeamEvent, type TeamEvent } from '../team/events';
import type { Requirements } from '../resources';
import { evolveTeam } from '../team/evolve';
import { initialTeamState, type TeamState } from '../team/state';
import { isWhistleEvent } from '../whistle/events';
import { evolveWhistle } from '../whistle/evolve';
import { initialWhistleState, type WhistleState } from '../whistle/state';

/**
 * Replaying the log: the states of a county's powers, teams, handovers and duty lists as they stood
 * after any prefix of it, folded with the aggregates' own `evolve` functions — one definition of
 * what a state was, for the deciders, the evaluation and the as-of evidence alike.
 */

/** An event of the log as a replay reads it. */
export interface LoggedEvent {
  readonly streamId: string;
  /** Global position (bigint as decimal text). */
  readonly position: string;
  readonly countyId: string | null;
  /** ISO-8601 instant at which it happened (the metadata's `occurredAt`). */
  readonly occurredAt: string;
  /** `YYYY-MM-DD`: the date of `occurredAt` in the county's time zone. */
  readonly day: string;
  readonly event: DomainEvent;
}

/** A reminder as the log recorded it on a handover's stream. */
export interface LoggedReminder {
  readonly handoverId: string;
  readonly day: string;
  readonly sentAt: string;
  readonly position: string;
  readonly data: ReminderSent['data'];
}

/** A recall request filed for a handover. */
export interface LoggedRecallRequest {
  readonly requestId: string;
  readonly handoverId: string;
  readonly day: string;
}

/** Facts about a handover that live in the metadata, not in its state. */
export interface HandoverRecording {
  readonly day: string;
  readonly position: string;
}

/** A team's deliveries over time: the first joining of each certificate, equipment received, training done. */
export interface TeamDeliveries {
  /** Certificate number → the first day an officer holding it joined. */
  readonly officerJoins: Map<string, string>;
  readonly equipmentReceived: { readonly day: string; readonly position: string; readonly kind: string; readonly quantity: number }[];
  readonly trainingDone: { readonly day: string; readonly position: string; readonly course: string; readonly completedOn: string }[];
}

/** What an applied event touched: the handovers whose readiness may have changed. */
export interface Touched {
  readonly handoverIds: readonly string[];
  /** The team whose roster changed, if any (its certificates' lapse dates may have moved). */
  readonly teamId: string | null;
}

const NOTHING: Touched = { handoverIds: [], teamId: null };

export class LogReplay {
  readonly powers = new Map<string, PowerItemState>();
  readonly teams = new Map<string, TeamState>();
  readonly handovers = new Map<string, HandoverState>();
  readonly dutyLists = new Map<string, DutyListState>();
  readonly recordings = new Map<string, HandoverRecording>();
  readonly reminders = new Map<string, LoggedReminder[]>();
  readonly recallRequests = new Map<string, LoggedRecallRequest[]>();
  readonly deliveries = new Map<string, TeamDeliveries>();
  readonly handoversOfTeam = new Map<string, Set<string>>();
  readonly handoversOfPower = new Map<string, Set<string>>();
  /** Whistle stream → state, and the day it was raised. */
  readonly whistles = new Map<string, { state: WhistleState; raisedOn: string }>();
  /** The last event applied. */
  last: LoggedEvent | null = null;

  /** Applies one event (in log order) and names what it touched. */
  apply(logged: LoggedEvent): Touched {
    this.last = logged;
    const { event, streamId } = logged;
    if (isHandoverEvent(event)) return this.applyHandover(logged, handoverIdOf(streamId));
    if (isTeamEvent(event)) {
      const teamId = teamIdOf(streamId);
      if (teamId === undefined) return NOTHING;
      this.teams.set(teamId, evolveTeam(this.teams.get(teamId) ?? initialTeamState, event));
      this.recordDelivery(teamId, logged);
      return { handoverIds: this.concernedBy(event, this.handoversOfTeam.get(teamId)), teamId };
    }
    if (isPowerItemEvent(event)) {
      const code = powerCodeOf(streamId, logged.countyId);
      if (code === undefined) return NOTHING;
      this.powers.set(code, evolvePowerItem(this.powers.get(code) ?? initialPowerItemState, event));
      return { handoverIds: [...(this.handoversOfPower.get(code) ?? [])], teamId: null };
    }
    if (isDutyListEvent(event)) {
      const townshipId = streamId.startsWith(dutyListStreamId('')) ? streamId.slice(dutyListStreamId('').length) : '';
      this.dutyLists.set(townshipId, evolveDutyList(this.dutyLists.get(townshipId) ?? initialDutyListState, event));
      return NOTHING;
    }
    if (isWhistleEvent(event)) {
      const whistle = this.whistles.get(streamId);
      this.whistles.set(streamId, {
        state: evolveWhistle(whistle?.state ?? initialWhistleState, event),
        raisedOn: whistle?.raisedOn ?? logged.day,
      });
      return NOTHING;
    }
    if (isRecallEvent(event) && event.type === 'RecallRequested' && event.data.handoverId !== undefined) {
      const { requestId, handoverId } = event.data;
      pushTo(this.recallRequests, handoverId, { requestId, handoverId, day: logged.day });
    }
    return NOTHING;
  }

  /**
   * The team's handovers a change can concern: equipment of a kind, or training in a course, only those
   * whose power requires it (readiness reads nothing else of them); a change of officers, all.
   */
  private concernedBy(event: TeamEvent, handoverIds: ReadonlySet<string> | undefined): string[] {
    if (handoverIds === undefined) return [];
    let requires: ((requirements: Requirements) => boolean) | null = null;
    if (event.type === 'EquipmentReceived' || event.type === 'EquipmentWrittenOff') {
      const { kind } = event.data;
      requires = (requirements) => requirements.equipment.some((line) => line.kind === kind);
    } else if (event.type === 'TrainingCompleted') {
      const { course } = event.data;
      requires = (requirements) => requirements.training.some((line) => line.course === course);
    }
    if (requires === null) return [...handoverIds];
    const concerned: string[] = [];
    for (const handoverId of handoverIds) {
      const handover = this.handovers.get(handoverId);
      const power = handover === undefined || handover.status === 'none' ? undefined : this.powers.get(handover.powerCode);
      if (power !== undefined && power.status === 'registered' && requires(power.requirements)) concerned.push(handoverId);
    }
    return concerned;
  }

  private applyHandover(logged: LoggedEvent, handoverId: string | undefined): Touched {
    if (handoverId === undefined) return NOTHING;
    const event = logged.event;
    if (!isHandoverEvent(event)) return NOTHING;
    this.handovers.set(handoverId, evolveHandover(this.handovers.get(handoverId) ?? initialHandoverState, event));
    if (event.type === 'HandoverRecorded') this.indexRecording(handoverId, event.data, logged);
    if (event.type === 'ReminderSent')
      pushTo(this.reminders, handoverId, {
        handoverId,
        day: logged.day,
        sentAt: logged.occurredAt,
        position: logged.position,
        data: event.data,
      });
    // Neither a reminder nor a usage figure changes what the handover lacks.
    if (event.type === 'ReminderSent' || event.type === 'HandoverUsageRecorded') return NOTHING;
    return { handoverIds: [handoverId], teamId: null };
  }

  private indexRecording(handoverId: string, data: HandoverRecorded['data'], logged: LoggedEvent): void {
    this.recordings.set(handoverId, { day: logged.day, position: logged.position });
    addTo(this.handoversOfTeam, data.teamId, handoverId);
    addTo(this.handoversOfPower, data.powerCode, handoverId);
  }

  private recordDelivery(teamId: string, logged: LoggedEvent): void {
    const event = logged.event;
    if (!isTeamEvent(event)) return;
    let deliveries = this.deliveries.get(teamId);
    if (deliveries === undefined) {
      deliveries = { officerJoins: new Map(), equipmentReceived: [], trainingDone: [] };
      this.deliveries.set(teamId, deliveries);
    }
    const { day, position } = logged;
    if (event.type === 'OfficerJoined' && !deliveries.officerJoins.has(event.data.certificateNumber))
      deliveries.officerJoins.set(event.data.certificateNumber, day);
    else if (event.type === 'EquipmentReceived')
      deliveries.equipmentReceived.push({ day, position, kind: event.data.kind, quantity: event.data.quantity });
    else if (event.type === 'TrainingCompleted')
      deliveries.trainingDone.push({ day, position, course: event.data.course, completedOn: event.data.completedOn });
  }
}

/**
 * The log up to the end of `date`, in log order: an event dated after `date` ends it. The log's order
 * is the order of record, so an event dated before one already read counts on the later day.
 */
export function* untilEndOf(events: Iterable<LoggedEvent>, date: string): Generator<LoggedEvent> {
  let running = '';
  for (const logged of events) {
    if (logged.day > running) running = logged.day;
    if (running > date) return;
    yield logged.day === running ? logged : { ...logged, day: running };
  }
}

/** Orders two global positions (decimal text of a bigint). */
export function comparePositions(a: string, b: string): number {
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set === undefined) map.set(key, new Set([value]));
  else set.add(value);
}

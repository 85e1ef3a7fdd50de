import {
  type AssessmentWeights,
  assessDepartments,
  DEFAULT_ASSESSMENT_WEIGHTS,
  type DepartmentAssessment,
} from '../assessment/departments';
import { addDays, daysBetween, laterOf } from '../calendar';
import type { RecordedHandover } from '../handover/state';
import type { Gap } from '../readiness/readiness';
import type { Commitments } from '../resources';
import { ReplayReadiness } from './readiness-at';
import { comparePositions, type HandoverRecording, type LoggedEvent, LogReplay, type TeamDeliveries } from './replay';
import { isHandoverEvent } from '../handover/events';
import { handoverIdOf } from '../stream-ids';

/**
 * The evaluation of a period (放得下、接得住、管得好、有监督), replayed from the log.
 *
 * Readiness is counted in days: a day counts as ready when the handover was ready at its end (the
 * county's time zone), the same rule as the as-of evidence. A gap that opens and closes within one
 * day therefore costs nothing; a certificate lapses the day after its expiry date; a handover counts
 * from the day it was recorded until the day before it was revoked.
 */

export interface EvaluationPeriod {
  /** `YYYY-MM-DD`, inclusive. */
  readonly from: string;
  /** `YYYY-MM-DD`, inclusive. */
  readonly to: string;
}

export const EVALUATION_FLAGS = ['zero-use', 'never-ready', 'recall-requested'] as const;
export type EvaluationFlag = (typeof EVALUATION_FLAGS)[number];

/** One promised line: an officer (by certificate), equipment (by kind) or a training session (by course). */
export interface CommittedLineDelivery {
  readonly resource: 'officers' | 'equipment' | 'training';
  /** The certificate number, the equipment kind or the course. */
  readonly item: string;
  readonly quantity: number;
  /** When it was due: the effective date (officers, equipment) or the date the training was scheduled. */
  readonly dueOn: string;
  /** null while not delivered by the end of the period. */
  readonly deliveredOn: string | null;
  /** Days after `dueOn` it came, or, still missing, it has been missing by the end of the period. */
  readonly lateDays: number;
}

export interface CommittedDelivered {
  readonly promised: number;
  readonly delivered: number;
  readonly lateDays: number;
  readonly lines: CommittedLineDelivery[];
}

export interface HandoverEvaluation {
  readonly handoverId: string;
  readonly townshipId: string;
  readonly teamId: string;
  readonly powerCode: string;
  readonly department: string;
  /** Status at the end of the period. */
  readonly status: RecordedHandover['status'];
  readonly recordedOn: string;
  /** Days of the period the handover existed (recorded, not yet revoked). */
  readonly days: number;
  readonly readyDays: number;
  /** readyDays / days; null when it existed no day of the period. */
  readonly readyShare: number | null;
  /** Days from the recording to the first day it was ready (up to the period's end); null if never. */
  readonly daysToFirstReady: number | null;
  /** Cases recorded for the months the period touches. */
  readonly cases: number;
  /** Reminders about it sent within the period (notices that gaps closed are not reminders). */
  readonly remindersSent: number;
  /** For each stretch of gaps closed within the period after a reminder: days from the first reminder to the closing. */
  readonly gapClosedAfterReminderDays: number[];
  readonly recallRequests: number;
  readonly committedDelivered: CommittedDelivered;
  /** Days not ready within the period, per party responsible for a gap ('county-office' or a department). */
  readonly gapDays: Record<string, number>;
  readonly flags: EvaluationFlag[];
}

/** The figures a set of handovers adds up to. */
export interface EvaluationTotals {
  readonly handovers: number;
  readonly days: number;
  readonly readyDays: number;
  readonly readyShare: number | null;
  readonly cases: number;
  readonly remindersSent: number;
  readonly recallRequests: number;
  readonly zeroUse: number;
  readonly neverReady: number;
  readonly recallRequested: number;
  readonly promised: number;
  readonly delivered: number;
  readonly lateDays: number;
}

/** A department's side of 接得住: what it promised and delivered, and the gap days it was responsible for. */
export interface DepartmentTotals {
  /** A department, or 'county-office' for gaps nobody promised to fill. */
  readonly department: string;
  readonly handovers: number;
  readonly promised: number;
  readonly delivered: number;
  readonly deliveredOnTime: number;
  readonly lateDays: number;
  readonly gapDays: number;
  /** Whistles it led, raised within the period (吹哨报到), of them resolved on time, and its assessment score (null without whistles). */
  readonly whistles: number;
  readonly whistlesResolvedOnTime: number;
  readonly whistleScore: number | null;
}

/** Readiness of a township month by month (only the days its handovers existed). */
export interface ReadinessPoint {
  readonly townshipId: string;
  /** `YYYY-MM`. */
  readonly month: string;
  readonly days: number;
  readonly readyDays: number;
  readonly readyShare: number | null;
}

export interface PeriodEvaluation {
  readonly from: string;
  readonly to: string;
  readonly handovers: HandoverEvaluation[];
  readonly totals: {
    /** `whistles`: raised by the township within the period. */
    readonly townships: (EvaluationTotals & { readonly townshipId: string; readonly whistles: number })[];
    readonly powers: (EvaluationTotals & { readonly powerCode: string })[];
    readonly departments: DepartmentTotals[];
  };
  readonly series: ReadinessPoint[];
}

/** Which handovers to report (the replay still reads the whole log: states depend on it). */
export interface EvaluationFilter {
  readonly townshipId?: string;
  readonly powerCode?: string;
}

/** How the departments' whistles are assessed: as of the end of the period (at most now), with the county's weights. */
export interface WhistleAssessment {
  /** ISO-8601 instant. */
  readonly asOf: string;
  readonly weights?: AssessmentWeights;
}

/** Reminders that ask someone to act; `gaps-closed` only tells that they did. */
const ACTING_REMINDERS = new Set(['gap', 'unanswered', 'certificate-expiry']);
const GAP_REMINDERS = new Set(['gap', 'certificate-expiry']);

/** One handover's days, segment by segment: the current segment starts at `since` with the readiness at its start. */
interface Track {
  readonly handoverId: string;
  readonly townshipId: string;
  since: string | null;
  ready: boolean;
  gaps: Gap[];
  key: string;
  ended: boolean;
  days: number;
  readyDays: number;
  firstReadyOn: string | null;
  /** First day of the current stretch of gaps (null while ready). */
  gapsSince: string | null;
  readonly closedAfterReminder: number[];
  readonly gapDays: Map<string, number>;
}

/**
 * Readiness day by day over the log: `assess` after the events of a day (and on the days certificates
 * lapse), `close` at the end. Counts only the days inside the period; the first ready day counts wherever it falls.
 */
class ReadinessTracker {
  readonly tracks = new Map<string, Track>();
  readonly monthly = new Map<string, { townshipId: string; month: string; days: number; readyDays: number }>();
  private readonly readiness: ReplayReadiness;
  /** Team id → days (ascending) on which one of its certificates lapses. */
  private readonly lapses = new Map<string, string[]>();

  constructor(
    private readonly replay: LogReplay,
    private readonly period: EvaluationPeriod,
  ) {
    this.readiness = new ReplayReadiness(replay);
  }

  /** After the last event of `day`. */
  endOfDay(day: string, handoverIds: ReadonlySet<string>, teamIds: ReadonlySet<string>): void {
    const assessed = new Set(handoverIds);
    for (const [teamId, days] of this.lapses) {
      if (days[0] !== day) continue;
      days.shift();
      for (const handoverId of this.replay.handoversOfTeam.get(teamId) ?? []) assessed.add(handoverId);
    }
    for (const teamId of teamIds) {
      this.readiness.teamChanged(teamId);
      this.scheduleLapses(teamId, day);
    }
    for (const handoverId of assessed) this.assess(handoverId, day);
  }

  /** Certificates lapsing before `day` (no event in between): their teams' handovers are re-assessed on the lapse day. */
  lapsesBefore(day: string): void {
    for (const [teamId, days] of this.lapses) {
      while (days.length > 0 && (days[0] as string) < day) {
        const lapse = days.shift() as string;
        for (const handoverId of this.replay.handoversOfTeam.get(teamId) ?? []) this.assess(handoverId, lapse);
      }
    }
  }

  close(): void {
    for (const track of this.tracks.values()) if (!track.ended) this.closeSegment(track, this.period.to);
  }

  private scheduleLapses(teamId: string, day: string): void {
    const team = this.replay.teams.get(teamId);
    if (team === undefined || team.status === 'none') return;
    const days = new Set<string>();
    for (const officer of team.officers) {
      const lapse = addDays(officer.certificateExpiresOn, 1);
      if (lapse > day && lapse <= this.period.to) days.add(lapse);
    }
    this.lapses.set(teamId, [...days].sort());
  }

  private assess(handoverId: string, day: string): void {
    const state = this.replay.handovers.get(handoverId);
    if (state === undefined || state.status === 'none') return;
    let track = this.tracks.get(handoverId);
    if (track === undefined) {
      track = newTrack(handoverId, state.townshipId);
      this.tracks.set(handoverId, track);
    }
    if (track.ended) return;
    if (state.status === 'revoked') {
      if (track.since !== null) this.closeSegment(track, addDays(day, -1));
      track.ended = true;
      return;
    }
    const { ready, gaps } = this.readiness.of(state, day);
    const key = ready ? '' : JSON.stringify(gaps);
    if (track.since !== null) {
      if (key === track.key && ready === track.ready) return;
      this.closeSegment(track, addDays(day, -1));
    }
    this.startSegment(track, day, ready, gaps, key);
  }

  private startSegment(track: Track, day: string, ready: boolean, gaps: Gap[], key: string): void {
    const wasReady = track.since === null ? null : track.ready;
    track.since = day;
    track.ready = ready;
    track.gaps = gaps;
    track.key = key;
    if (ready) {
      track.firstReadyOn ??= day;
      if (wasReady === false && track.gapsSince !== null) this.gapsClosed(track, track.gapsSince, day);
      track.gapsSince = null;
    } else if (wasReady !== false) track.gapsSince = day;
  }

  /** A stretch of gaps from `since` closed on `day`: how long after the first reminder about it. */
  private gapsClosed(track: Track, since: string, day: string): void {
    if (day < this.period.from || day > this.period.to) return;
    const first = (this.replay.reminders.get(track.handoverId) ?? []).find(
      (reminder) => GAP_REMINDERS.has(reminder.data.kind) && reminder.day >= since && reminder.day <= day,
    );
    if (first !== undefined) track.closedAfterReminder.push(daysBetween(first.day, day));
  }

  private closeSegment(track: Track, lastDay: string): void {
    const since = track.since;
    if (since === null) return;
    const first = laterOf(since, this.period.from);
    const last = lastDay < this.period.to ? lastDay : this.period.to;
    if (first > last) return;
    const days = daysBetween(first, last) + 1;
    track.days += days;
    if (track.ready) track.readyDays += days;
    else
      for (const responsible of new Set(track.gaps.map((gap) => gap.responsible)))
        track.gapDays.set(responsible, (track.gapDays.get(responsible) ?? 0) + days);
    this.countMonths(track, first, last);
  }

  private countMonths(track: Track, first: string, last: string): void {
    let start = first;
    while (start <= last) {
      const month = start.slice(0, 7);
      const monthEnd = addDays(`${nextMonth(month)}-01`, -1);
      const end = monthEnd < last ? monthEnd : last;
      const days = daysBetween(start, end) + 1;
      const key = `${track.townshipId}|${month}`;
      let bucket = this.monthly.get(key);
      if (bucket === undefined) this.monthly.set(key, (bucket = { townshipId: track.townshipId, month, days: 0, readyDays: 0 }));
      bucket.days += days;
      if (track.ready) bucket.readyDays += days;
      start = addDays(end, 1);
    }
  }
}

function newTrack(handoverId: string, townshipId: string): Track {
  return {
    handoverId,
    townshipId,
    since: null,
    ready: false,
    gaps: [],
    key: '',
    ended: false,
    days: 0,
    readyDays: 0,
    firstReadyOn: null,
    gapsSince: null,
    closedAfterReminder: [],
    gapDays: new Map(),
  };
}

/** A usage figure recorded after the period: the last one for its month stands. */
function collectUsage(usage: Map<string, Record<string, number>>, logged: LoggedEvent): void {
  const { event } = logged;
  if (!isHandoverEvent(event) || event.type !== 'HandoverUsageRecorded') return;
  const handoverId = handoverIdOf(logged.streamId);
  if (handoverId === undefined) return;
  usage.set(handoverId, { ...usage.get(handoverId), [event.data.month]: event.data.cases });
}

/** `YYYY-MM` of the month after. */
export function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * Replays the log (events in log order, each with its day) up to the end of `period.to` and evaluates
 * the period. The log's order is the order of record: an event dated before one already read counts
 * on the later day. After the period only usage figures are read.
 */
export function evaluatePeriod(
  events: Iterable<LoggedEvent>,
  period: EvaluationPeriod,
  filter: EvaluationFilter = {},
  whistleAssessment: WhistleAssessment = { asOf: `${addDays(period.to, 1)}T00:00:00.000Z` },
): PeriodEvaluation {
  const replay = new LogReplay();
  const tracker = new ReadinessTracker(replay, period);
  let currentDay: string | null = null;
  const touchedHandovers = new Set<string>();
  const touchedTeams = new Set<string>();
  // Usage is recorded after the month it counts (March's cases in early April): figures recorded after the period still count.
  const laterUsage = new Map<string, Record<string, number>>();
  let running = '';
  for (const recorded of events) {
    if (recorded.day > running) running = recorded.day;
    if (running > period.to) {
      collectUsage(laterUsage, recorded);
      continue;
    }
    const logged = recorded.day === running ? recorded : { ...recorded, day: running };
    const day = logged.day;
    if (day !== currentDay) {
      if (currentDay !== null) tracker.endOfDay(currentDay, touchedHandovers, touchedTeams);
      touchedHandovers.clear();
      touchedTeams.clear();
      tracker.lapsesBefore(day);
      currentDay = day;
    }
    const touched = replay.apply(logged);
    for (const handoverId of touched.handoverIds) touchedHandovers.add(handoverId);
    if (touched.teamId !== null) touchedTeams.add(touched.teamId);
  }
  if (currentDay !== null) tracker.endOfDay(currentDay, touchedHandovers, touchedTeams);
  tracker.lapsesBefore(addDays(period.to, 1));
  tracker.close();

  const handovers: HandoverEvaluation[] = [];
  for (const track of tracker.tracks.values()) {
    const state = replay.handovers.get(track.handoverId);
    const recording = replay.recordings.get(track.handoverId);
    if (state === undefined || state.status === 'none' || recording === undefined) continue;
    if (filter.townshipId !== undefined && state.townshipId !== filter.townshipId) continue;
    if (filter.powerCode !== undefined && state.powerCode !== filter.powerCode) continue;
    if (track.days === 0 && recording.day < period.from) continue;
    handovers.push(evaluationOf(replay, track, { ...state.usage, ...laterUsage.get(track.handoverId) }, recording, period, state));
  }
  handovers.sort((a, b) =>
    a.townshipId + a.powerCode < b.townshipId + b.powerCode ? -1 : a.townshipId + a.powerCode > b.townshipId + b.powerCode ? 1 : 0,
  );
  const townshipIds = new Set(handovers.map((handover) => handover.townshipId));
  const series = [...tracker.monthly.values()]
    .filter((point) => townshipIds.has(point.townshipId))
    .map((point) => ({ ...point, readyShare: share(point.readyDays, point.days) }))
    .sort((a, b) => (a.townshipId === b.townshipId ? (a.month < b.month ? -1 : 1) : a.townshipId < b.townshipId ? -1 : 1));
  // Whistles are not about one power: a period filtered by power has none.
  const whistles = [...replay.whistles.values()]
    .filter(({ state, raisedOn }) => state.status !== 'none' && raisedOn >= period.from && raisedOn <= period.to)
    .map(({ state }) => state)
    .filter(
      (state) =>
        filter.powerCode === undefined &&
        (filter.townshipId === undefined || (state.status !== 'none' && state.townshipId === filter.townshipId)),
    );
  const whistlesOf = new Map<string, number>();
  for (const whistle of whistles)
    if (whistle.status !== 'none') whistlesOf.set(whistle.townshipId, (whistlesOf.get(whistle.townshipId) ?? 0) + 1);
  return {
    from: period.from,
    to: period.to,
    handovers,
    totals: {
      townships: groupTotals(handovers, (handover) => handover.townshipId).map(([townshipId, totals]) => ({
        townshipId,
        ...totals,
        whistles: whistlesOf.get(townshipId) ?? 0,
      })),
      powers: groupTotals(handovers, (handover) => handover.powerCode).map(([powerCode, totals]) => ({ powerCode, ...totals })),
      departments: departmentTotals(
        handovers,
        assessDepartments(whistles, whistleAssessment.asOf, whistleAssessment.weights ?? DEFAULT_ASSESSMENT_WEIGHTS),
      ),
    },
    series,
  };
}

function evaluationOf(
  replay: LogReplay,
  track: Track,
  usage: Readonly<Record<string, number>>,
  recording: HandoverRecording,
  period: EvaluationPeriod,
  state: RecordedHandover,
): HandoverEvaluation {
  const inPeriod = (day: string): boolean => day >= period.from && day <= period.to;
  const firstMonth = period.from.slice(0, 7);
  const lastMonth = period.to.slice(0, 7);
  let cases = 0;
  for (const [month, figure] of Object.entries(usage)) if (month >= firstMonth && month <= lastMonth) cases += figure;
  const remindersSent = (replay.reminders.get(track.handoverId) ?? []).filter(
    (reminder) => ACTING_REMINDERS.has(reminder.data.kind) && inPeriod(reminder.day),
  ).length;
  const recallRequests = (replay.recallRequests.get(track.handoverId) ?? []).filter((request) => inPeriod(request.day)).length;
  const lines = deliveriesOf(state.committed, recording, state.effectiveOn, replay.deliveries.get(state.teamId), period.to);
  const flags: EvaluationFlag[] = [];
  if (track.days > 0 && cases === 0) flags.push('zero-use');
  if (track.days > 0 && track.readyDays === 0) flags.push('never-ready');
  if (recallRequests > 0) flags.push('recall-requested');
  return {
    handoverId: track.handoverId,
    townshipId: state.townshipId,
    teamId: state.teamId,
    powerCode: state.powerCode,
    department: state.department,
    status: state.status,
    recordedOn: recording.day,
    days: track.days,
    readyDays: track.readyDays,
    readyShare: share(track.readyDays, track.days),
    daysToFirstReady: track.firstReadyOn === null ? null : daysBetween(recording.day, track.firstReadyOn),
    cases,
    remindersSent,
    gapClosedAfterReminderDays: [...track.closedAfterReminder],
    recallRequests,
    committedDelivered: {
      promised: lines.length,
      delivered: lines.filter((line) => line.deliveredOn !== null).length,
      lateDays: lines.reduce((sum, line) => sum + line.lateDays, 0),
      lines,
    },
    gapDays: Object.fromEntries([...track.gapDays].sort(([a], [b]) => (a < b ? -1 : 1))),
    flags,
  };
}

/**
 * Each promised line against what the team received after the handover was recorded (officers by
 * certificate number, whenever they joined; equipment by kind, counting receipts after the recording
 * until the promised quantity is reached; training by course, its completion date). Late days count
 * from the due date to the delivery, or to the period's end while still missing.
 */
export function deliveriesOf(
  committed: Commitments,
  recording: HandoverRecording,
  effectiveOn: string,
  team: TeamDeliveries | undefined,
  to: string,
): CommittedLineDelivery[] {
  const late = (dueOn: string, deliveredOn: string | null): number => Math.max(0, daysBetween(dueOn, deliveredOn ?? to));
  const after = (position: string): boolean => comparePositions(position, recording.position) > 0;
  const lines: CommittedLineDelivery[] = [];
  for (const officer of committed.officers) {
    const joined = team?.officerJoins.get(officer.certificateNumber);
    const deliveredOn = joined !== undefined && joined <= to ? joined : null;
    lines.push({
      resource: 'officers',
      item: officer.certificateNumber,
      quantity: 1,
      dueOn: effectiveOn,
      deliveredOn,
      lateDays: late(effectiveOn, deliveredOn),
    });
  }
  for (const { kind, quantity } of committed.equipment) {
    let received = 0;
    let deliveredOn: string | null = null;
    for (const receipt of team?.equipmentReceived ?? []) {
      if (receipt.kind !== kind || !after(receipt.position) || receipt.day > to) continue;
      received += receipt.quantity;
      if (received >= quantity) {
        deliveredOn = receipt.day;
        break;
      }
    }
    lines.push({ resource: 'equipment', item: kind, quantity, dueOn: effectiveOn, deliveredOn, lateDays: late(effectiveOn, deliveredOn) });
  }
  for (const { course, hours, scheduledOn } of committed.training) {
    const done = (team?.trainingDone ?? []).find((record) => record.course === course && after(record.position) && record.day <= to);
    const deliveredOn = done === undefined ? null : done.completedOn;
    lines.push({
      resource: 'training',
      item: course,
      quantity: hours,
      dueOn: scheduledOn,
      deliveredOn,
      lateDays: late(scheduledOn, deliveredOn),
    });
  }
  return lines;
}

function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

function groupTotals(
  handovers: readonly HandoverEvaluation[],
  keyOf: (handover: HandoverEvaluation) => string,
): [string, EvaluationTotals][] {
  const groups = new Map<string, HandoverEvaluation[]>();
  for (const handover of handovers) {
    const key = keyOf(handover);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [handover]);
    else group.push(handover);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, group]) => [key, totalsOf(group)]);
}

export function totalsOf(handovers: readonly HandoverEvaluation[]): EvaluationTotals {
  const sum = (figure: (handover: HandoverEvaluation) => number): number =>
    handovers.reduce((total, handover) => total + figure(handover), 0);
  const flagged = (flag: EvaluationFlag): number => handovers.filter((handover) => handover.flags.includes(flag)).length;
  const days = sum((handover) => handover.days);
  const readyDays = sum((handover) => handover.readyDays);
  return {
    handovers: handovers.length,
    days,
    readyDays,
    readyShare: share(readyDays, days),
    cases: sum((handover) => handover.cases),
    remindersSent: sum((handover) => handover.remindersSent),
    recallRequests: sum((handover) => handover.recallRequests),
    zeroUse: flagged('zero-use'),
    neverReady: flagged('never-ready'),
    recallRequested: flagged('recall-requested'),
    promised: sum((handover) => handover.committedDelivered.promised),
    delivered: sum((handover) => handover.committedDelivered.delivered),
    lateDays: sum((handover) => handover.committedDelivered.lateDays),
  };
}

function departmentTotals(handovers: readonly HandoverEvaluation[], assessments: readonly DepartmentAssessment[]): DepartmentTotals[] {
  const rows = new Map<string, { -readonly [K in keyof DepartmentTotals]: DepartmentTotals[K] }>();
  const rowOf = (department: string): { -readonly [K in keyof DepartmentTotals]: DepartmentTotals[K] } => {
    let row = rows.get(department);
    if (row === undefined) {
      row = {
        department,
        handovers: 0,
        promised: 0,
        delivered: 0,
        deliveredOnTime: 0,
        lateDays: 0,
        gapDays: 0,
        whistles: 0,
        whistlesResolvedOnTime: 0,
        whistleScore: null,
      };
      rows.set(department, row);
    }
    return row;
  };
  for (const handover of handovers) {
    const row = rowOf(handover.department);
    const { lines } = handover.committedDelivered;
    row.handovers += 1;
    row.promised += lines.length;
    row.delivered += lines.filter((line) => line.deliveredOn !== null).length;
    row.deliveredOnTime += lines.filter((line) => line.deliveredOn !== null && line.lateDays === 0).length;
    row.lateDays += handover.committedDelivered.lateDays;
    for (const [responsible, days] of Object.entries(handover.gapDays)) rowOf(responsible).gapDays += days;
  }
  for (const assessment of assessments) {
    const row = rowOf(assessment.department);
    row.whistles = assessment.whistles;
    row.whistlesResolvedOnTime = assessment.resolvedOnTime;
    row.whistleScore = assessment.score;
  }
  return [...rows.values()].sort((a, b) => (a.department < b.department ? -1 : 1));
}

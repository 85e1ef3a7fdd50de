import { DUTY_CATEGORIES, type DutyCategory } from '../duty/terms';
import type { HandoverMode, RecordedHandover } from '../handover/state';
import type { Gap } from '../readiness/readiness';
import type { Commitments, EquipmentLine } from '../resources';
import type { ReminderKind } from '../handover/state';
import { ReplayReadiness } from './readiness-at';
import { type LoggedEvent, LogReplay, untilEndOf } from './replay';

/**
 * As-of evidence (容错免责): what a township held, what it lacked and who was responsible, and which
 * reminders had gone out, as the record stood at the end of a day — replayed from the log alone, so
 * it is the same whatever the read tables hold.
 */

export interface AsOfHandover {
  readonly handoverId: string;
  readonly powerCode: string;
  readonly department: string;
  readonly mode: HandoverMode;
  readonly status: RecordedHandover['status'];
  readonly effectiveOn: string;
  readonly endsOn: string | null;
  /** false for a revoked handover. */
  readonly ready: boolean;
  /** What was missing, each with the party `responsible`; empty once revoked. */
  readonly gaps: Gap[];
  readonly committed: Commitments;
}

export interface AsOfOfficer {
  readonly officerId: string;
  readonly name: string;
  readonly certificateNumber: string;
  readonly certificateExpiresOn: string;
  /** Whether the certificate was valid on the day. */
  readonly certified: boolean;
}

export interface AsOfTeam {
  readonly teamId: string | null;
  readonly certifiedOfficers: number;
  readonly officers: AsOfOfficer[];
  readonly equipment: EquipmentLine[];
  /** Per course: how many current officers had completed it, and their hours together. */
  readonly training: { readonly course: string; readonly officers: number; readonly hours: number }[];
}

export interface AsOfDutyList {
  readonly version: number;
  readonly publishedAt: string;
  readonly decisionRef: string;
  readonly counts: Record<DutyCategory, number>;
}

export interface AsOfReminder {
  readonly handoverId: string;
  readonly powerCode: string;
  readonly reminderId: string;
  readonly kind: ReminderKind;
  readonly step: number;
  readonly recipients: string[];
  readonly sentAt: string;
  readonly gaps: Gap[];
}

export interface AsOfEvidence {
  readonly date: string;
  readonly townshipId: string;
  readonly townshipName: string | null;
  readonly handovers: AsOfHandover[];
  readonly team: AsOfTeam;
  /** The version in force (the last published by the end of the day), null before the first. */
  readonly dutyList: AsOfDutyList | null;
  readonly reminders: AsOfReminder[];
  /** The last event of the record read: the evidence is derived from the log up to this position. */
  readonly lastEvent: { readonly position: string; readonly occurredAt: string } | null;
}

/** Replays `events` (the township's streams and the county's powers, in log order) to the end of `date`. */
export function asOfTownship(events: Iterable<LoggedEvent>, townshipId: string, date: string): AsOfEvidence {
  const replay = new LogReplay();
  for (const logged of untilEndOf(events, date)) replay.apply(logged);
  const readiness = new ReplayReadiness(replay);

  const handovers: AsOfHandover[] = [];
  const powerOf = new Map<string, string>();
  for (const [handoverId, state] of replay.handovers) {
    if (state.status === 'none' || state.townshipId !== townshipId) continue;
    powerOf.set(handoverId, state.powerCode);
    const { ready, gaps } = state.status === 'revoked' ? { ready: false, gaps: [] } : readiness.of(state, date);
    handovers.push({
      handoverId,
      powerCode: state.powerCode,
      department: state.department,
      mode: state.mode,
      status: state.status,
      effectiveOn: state.effectiveOn,
      endsOn: state.endsOn ?? null,
      ready,
      gaps,
      committed: state.committed,
    });
  }
  handovers.sort((a, b) => (a.powerCode < b.powerCode ? -1 : a.powerCode > b.powerCode ? 1 : 0));

  const reminders: AsOfReminder[] = [];
  for (const [handoverId, sent] of replay.reminders) {
    const powerCode = powerOf.get(handoverId);
    if (powerCode === undefined) continue;
    for (const { data, sentAt } of sent)
      reminders.push({
        handoverId,
        powerCode,
        reminderId: data.reminderId,
        kind: data.kind,
        step: data.step,
        recipients: data.recipients,
        sentAt,
        gaps: data.gaps ?? [],
      });
  }
  reminders.sort((a, b) => (a.sentAt < b.sentAt ? -1 : a.sentAt > b.sentAt ? 1 : 0));

  const last = replay.last;
  return {
    date,
    townshipId,
    ...teamOf(replay, readiness, townshipId, date),
    handovers,
    dutyList: dutyListOf(replay, townshipId),
    reminders,
    lastEvent: last === null ? null : { position: last.position, occurredAt: last.occurredAt },
  };
}

function teamOf(
  replay: LogReplay,
  readiness: ReplayReadiness,
  townshipId: string,
  date: string,
): { townshipName: string | null; team: AsOfTeam } {
  for (const [teamId, state] of replay.teams) {
    if (state.status !== 'formed' || state.townshipId !== townshipId) continue;
    const officers = state.officers.map(({ officerId, name, certificateNumber, certificateExpiresOn }) => ({
      officerId,
      name,
      certificateNumber,
      certificateExpiresOn,
      certified: certificateExpiresOn >= date,
    }));
    const courses = new Map<string, { officers: Set<string>; hours: number }>();
    for (const record of readiness.capacityOf(teamId).training) {
      let course = courses.get(record.course);
      if (course === undefined) courses.set(record.course, (course = { officers: new Set(), hours: 0 }));
      course.officers.add(record.officerId);
      course.hours += record.hours;
    }
    return {
      townshipName: state.townshipName,
      team: {
        teamId,
        certifiedOfficers: officers.filter((officer) => officer.certified).length,
        officers,
        equipment: state.equipment.map(({ kind, quantity }) => ({ kind, quantity })),
        training: [...courses.entries()]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([course, { officers: trained, hours }]) => ({ course, officers: trained.size, hours })),
      },
    };
  }
  return { townshipName: null, team: { teamId: null, certifiedOfficers: 0, officers: [], equipment: [], training: [] } };
}

function dutyListOf(replay: LogReplay, townshipId: string): AsOfDutyList | null {
  const published = replay.dutyLists.get(townshipId)?.published ?? null;
  if (published === null) return null;
  const counts = Object.fromEntries(DUTY_CATEGORIES.map((category) => [category, 0])) as Record<DutyCategory, number>;
  for (const item of published.items) counts[item.category] += 1;
  return { version: published.version, publishedAt: published.publishedAt, decisionRef: published.decisionRef, counts };
}

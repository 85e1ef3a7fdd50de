import { addDays } from '../calendar';
import { assessReadiness, CERTIFIED_OFFICER_ITEM, type Gap, type TeamCapacity } from '../readiness/readiness';
import type { Commitments, Requirements } from '../resources';
import type { HandoverMode } from '../handover/state';

/**
 * The forecast: month by month over a horizon, the gaps that will open (a certificate expiring, an
 * entrustment ending) and those that training already scheduled in a handover's commitments will close.
 * Month 1 is the current month; the horizon runs from today to the last day of its last month. Everything
 * is judged with the teams as they are now, by the domain's one readiness function. Pure.
 */

export const FORECAST_MONTHS_DEFAULT = 12;
export const FORECAST_MONTHS_MAX = 24;

export interface ForecastOfficer {
  officerId: string;
  name: string;
  certificateNumber: string;
  certificateExpiresOn: string;
}

export interface ForecastTeam {
  teamId: string;
  townshipId: string;
  officers: readonly ForecastOfficer[];
  /** The team's capacity now (its officers are the ones above). */
  capacity: TeamCapacity;
}

/** An open (not revoked) handover as it stands now. */
export interface ForecastHandover {
  handoverId: string;
  townshipId: string;
  teamId: string;
  powerCode: string;
  department: string;
  mode: HandoverMode;
  effectiveOn: string;
  endsOn: string | null;
  committed: Commitments;
}

export interface ForecastInput {
  /** `YYYY-MM-DD` in the county's time zone. */
  today: string;
  /** 1..24. */
  months: number;
  handovers: readonly ForecastHandover[];
  teams: readonly ForecastTeam[];
  /** The current requirements of each power, by code; a handover of an unknown power is left out. */
  requirements: ReadonlyMap<string, Requirements>;
}

export interface CertificateExpiryOpening {
  reason: 'certificate-expiry';
  on: string;
  townshipId: string;
  teamId: string;
  handoverId: string;
  powerCode: string;
  officer: { officerId: string; name: string; certificateExpiresOn: string };
  /** The handover's certified-officer gap the day after the expiry. */
  gap: Gap;
}

export interface EntrustmentEndOpening {
  reason: 'entrustment-end';
  on: string;
  townshipId: string;
  handoverId: string;
  powerCode: string;
}

export type ForecastOpening = CertificateExpiryOpening | EntrustmentEndOpening;

export interface ScheduledTrainingClosing {
  reason: 'scheduled-training';
  on: string;
  townshipId: string;
  handoverId: string;
  powerCode: string;
  course: string;
  department: string;
}

export interface ForecastMonth {
  /** `YYYY-MM`. */
  month: string;
  opens: ForecastOpening[];
  closes: ScheduledTrainingClosing[];
}

export interface Forecast {
  from: string;
  months: ForecastMonth[];
}

export function forecastGaps(input: ForecastInput): Forecast {
  const from = input.today.slice(0, 7);
  const monthKeys = Array.from({ length: input.months }, (_, index) => addMonths(from, index));
  const lastMonth = monthKeys[monthKeys.length - 1] ?? from;
  const lastDay = addDays(`${addMonths(lastMonth, 1)}-01`, -1);
  const within = (date: string): boolean => date >= input.today && date <= lastDay;
  const byMonth = new Map<string, ForecastMonth>(monthKeys.map((month) => [month, { month, opens: [], closes: [] }]));
  const teams = new Map(input.teams.map((team) => [team.teamId, team]));

  for (const handover of input.handovers) {
    const requirements = input.requirements.get(handover.powerCode);
    if (requirements === undefined) continue;
    const team = teams.get(handover.teamId);
    const capacity = team?.capacity ?? { officers: [], equipment: [], training: [] };
    const gapsOn = (day: string): Gap[] =>
      assessReadiness({
        requirements,
        team: capacity,
        committed: handover.committed,
        department: handover.department,
        effectiveOn: handover.effectiveOn,
        today: day,
      });
    const about = { townshipId: handover.townshipId, handoverId: handover.handoverId, powerCode: handover.powerCode };

    for (const officer of team?.officers ?? []) {
      const expiry = officer.certificateExpiresOn;
      if (!within(expiry)) continue;
      const before = officerGap(gapsOn(expiry));
      const after = officerGap(gapsOn(addDays(expiry, 1)));
      if (after === undefined || after.missing <= (before?.missing ?? 0)) continue;
      const { officerId, name, certificateExpiresOn } = officer;
      byMonth.get(expiry.slice(0, 7))?.opens.push({
        reason: 'certificate-expiry',
        on: expiry,
        ...about,
        teamId: handover.teamId,
        officer: { officerId, name, certificateExpiresOn },
        gap: after,
      });
    }

    if (handover.mode === 'entrustment' && handover.endsOn !== null && within(handover.endsOn))
      byMonth.get(handover.endsOn.slice(0, 7))?.opens.push({ reason: 'entrustment-end', on: handover.endsOn, ...about });

    const trainingGaps = new Set(
      gapsOn(input.today)
        .filter((gap) => gap.resource === 'training')
        .map((gap) => gap.item),
    );
    for (const session of handover.committed.training) {
      if (!trainingGaps.has(session.course) || !within(session.scheduledOn)) continue;
      byMonth.get(session.scheduledOn.slice(0, 7))?.closes.push({
        reason: 'scheduled-training',
        on: session.scheduledOn,
        ...about,
        course: session.course,
        department: handover.department,
      });
    }
  }

  const months = [...byMonth.values()];
  for (const month of months) {
    month.opens.sort(byDateThenHandover);
    month.closes.sort(byDateThenHandover);
  }
  return { from, months };
}

function officerGap(gaps: readonly Gap[]): Gap | undefined {
  return gaps.find((gap) => gap.resource === 'officers' && gap.item === CERTIFIED_OFFICER_ITEM);
}

/** `YYYY-MM` plus whole months. */
export function addMonths(month: string, count: number): string {
  const [year, monthOfYear] = month.split('-').map(Number);
  const index = (year ?? 0) * 12 + (monthOfYear ?? 1) - 1 + count;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function byDateThenHandover(a: { on: string; handoverId: string }, b: { on: string; handoverId: string }): number {
  if (a.on !== b.on) return a.on < b.on ? -1 : 1;
  return a.handoverId < b.handoverId ? -1 : a.handoverId > b.handoverId ? 1 : 0;
}

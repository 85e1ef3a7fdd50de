import { describe, expect, it } from 'vitest';
import { addMonths, forecastGaps, type ForecastHandover, type ForecastInput, type ForecastOfficer, type ForecastTeam } from './forecast';
import { noCommitments, type Requirements } from '../resources';

const TODAY = '2026-03-10';

const officer = (officerId: string, certificateExpiresOn: string): ForecastOfficer => ({
  officerId,
  name: `officer ${officerId}`,
  certificateNumber: `C-${officerId}`,
  certificateExpiresOn,
});

const teamOf = (
  teamId: string,
  officers: ForecastOfficer[],
  training: { officerId: string; course: string; hours: number }[] = [],
): ForecastTeam => ({
  teamId,
  townshipId: `township-of-${teamId}`,
  officers,
  capacity: {
    officers: officers.map(({ officerId, certificateNumber, certificateExpiresOn }) => ({
      officerId,
      certificateNumber,
      certificateExpiresOn,
    })),
    equipment: [],
    training,
  },
});

const needs = (certifiedOfficers: number, training: Requirements['training'] = []): Requirements => ({
  certifiedOfficers,
  equipment: [],
  training,
});

const handover = (handoverId: string, powerCode: string, overrides: Partial<ForecastHandover> = {}): ForecastHandover => ({
  handoverId,
  townshipId: 'township-of-t1',
  teamId: 't1',
  powerCode,
  department: 'market-regulation',
  mode: 'transfer',
  effectiveOn: '2026-01-01',
  endsOn: null,
  committed: noCommitments(),
  ...overrides,
});

/** Three officers; the third one's certificate expires on 2026-09-15, month 7 of a horizon starting in March. */
const t1 = teamOf('t1', [officer('a', '2030-01-01'), officer('b', '2030-01-01'), officer('c', '2026-09-15')]);

const input = (overrides: Partial<ForecastInput> = {}): ForecastInput => ({
  today: TODAY,
  months: 12,
  teams: [t1],
  handovers: [handover('h-three', 'P3'), handover('h-two', 'P2'), handover('h-one', 'P1')],
  requirements: new Map([
    ['P3', needs(3)],
    ['P2', needs(2)],
    ['P1', needs(1)],
  ]),
  ...overrides,
});

describe('the forecast', () => {
  it('lists every month of the horizon from the current one, empty or not', () => {
    const forecast = forecastGaps(input({ handovers: [], months: 12 }));
    expect(forecast.from).toBe('2026-03');
    expect(forecast.months.map((month) => month.month)).toEqual([
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
    ]);
    expect(forecast.months.every((month) => month.opens.length === 0 && month.closes.length === 0)).toBe(true);
    expect(forecastGaps(input({ months: 1 })).months).toHaveLength(1);
  });

  it('a certificate expiring in month 7 opens an officer gap in month 7 for each handover needing that officer, not for one needing fewer than remain', () => {
    const forecast = forecastGaps(input());
    const september = forecast.months[6];
    expect(september?.month).toBe('2026-09');
    expect(september?.opens).toEqual([
      {
        reason: 'certificate-expiry',
        on: '2026-09-15',
        townshipId: 'township-of-t1',
        teamId: 't1',
        handoverId: 'h-three',
        powerCode: 'P3',
        officer: { officerId: 'c', name: 'officer c', certificateExpiresOn: '2026-09-15' },
        gap: { resource: 'officers', item: 'certified-officer', required: 3, available: 2, missing: 1, responsible: 'county-office' },
      },
    ]);
    expect(forecast.months.filter((month) => month !== september).every((month) => month.opens.length === 0)).toBe(true);
  });

  it('a handover already short of officers shows the gap worsening', () => {
    const forecast = forecastGaps(input({ handovers: [handover('h-four', 'P4')], requirements: new Map([['P4', needs(4)]]) }));
    expect(forecast.months[6]?.opens.map((opening) => opening.reason === 'certificate-expiry' && opening.gap.missing)).toEqual([2]);
  });

  it('an expiry after the horizon, or one already past, is not forecast', () => {
    expect(forecastGaps(input({ months: 6 })).months.flatMap((month) => month.opens)).toEqual([]);
    const lapsed = teamOf('t1', [officer('a', '2030-01-01'), officer('b', '2030-01-01'), officer('c', '2026-03-09')]);
    expect(forecastGaps(input({ teams: [lapsed] })).months.flatMap((month) => month.opens)).toEqual([]);
  });

  it('an expiry on the last day of the horizon is in its last month', () => {
    const late = teamOf('t1', [officer('a', '2030-01-01'), officer('b', '2030-01-01'), officer('c', '2027-02-28')]);
    const forecast = forecastGaps(input({ teams: [late] }));
    expect(forecast.months[11]?.opens.map((opening) => opening.handoverId)).toEqual(['h-three']);
  });

  it('an entrustment ending within the horizon opens in the month of its end date', () => {
    const entrusted = handover('h-entrusted', 'P1', { mode: 'entrustment', endsOn: '2026-06-30' });
    const beyond = handover('h-later', 'P1', { mode: 'entrustment', endsOn: '2027-03-01' });
    const forecast = forecastGaps(input({ handovers: [entrusted, beyond] }));
    expect(forecast.months[3]).toEqual({
      month: '2026-06',
      opens: [{ reason: 'entrustment-end', on: '2026-06-30', townshipId: 'township-of-t1', handoverId: 'h-entrusted', powerCode: 'P1' }],
      closes: [],
    });
    expect(forecast.months.flatMap((month) => month.opens)).toHaveLength(1);
  });

  it('training scheduled in the commitments closes a training gap the handover has now, in the month it is scheduled', () => {
    const committed = {
      ...noCommitments(),
      training: [
        { course: 'law-basics', hours: 8, scheduledOn: '2026-05-20' },
        { course: 'first-aid', hours: 4, scheduledOn: '2026-05-21' },
        { course: 'law-basics', hours: 8, scheduledOn: '2027-05-20' },
      ],
    };
    const trained = teamOf('t1', [officer('a', '2030-01-01')], [{ officerId: 'a', course: 'first-aid', hours: 4 }]);
    const forecast = forecastGaps(
      input({
        teams: [trained],
        handovers: [handover('h-train', 'PT', { committed })],
        requirements: new Map([
          [
            'PT',
            needs(1, [
              { course: 'law-basics', hours: 8 },
              { course: 'first-aid', hours: 4 },
            ]),
          ],
        ]),
      }),
    );
    expect(forecast.months[2]?.closes).toEqual([
      {
        reason: 'scheduled-training',
        on: '2026-05-20',
        townshipId: 'township-of-t1',
        handoverId: 'h-train',
        powerCode: 'PT',
        course: 'law-basics',
        department: 'market-regulation',
      },
    ]);
    expect(forecast.months.flatMap((month) => month.closes)).toHaveLength(1);
  });

  it('counts months across years', () => {
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('2026-01', 0)).toBe('2026-01');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
  });
});

import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../decider';
import type { HandoverEvent } from '../handover/events';
import type { PowerItemEvent } from '../power/events';
import { handoverStreamId, powerStreamId, teamStreamId } from '../stream-ids';
import type { TeamEvent } from '../team/events';
import {
  COUNTY,
  handoverRecorded,
  MARKET_REGULATION,
  officers,
  TEAM,
  TOWNSHIP,
  teamFormed,
  URBAN_MANAGEMENT,
} from '../testing/sample-data';
import type { Commitments } from '../resources';
import { COUNTY_OFFICE } from '../readiness/readiness';
import { evaluatePeriod, type HandoverEvaluation, nextMonth } from './evaluate';
import type { LoggedEvent } from './replay';

/** A hand-built log: events on dates, positions in the order they are written. */
class Log {
  readonly events: LoggedEvent[] = [];

  on(day: string, streamId: string, event: DomainEvent): this {
    this.events.push({
      streamId,
      position: String(this.events.length + 1),
      countyId: COUNTY,
      occurredAt: `${day}T02:00:00.000Z`,
      day,
      event,
    });
    return this;
  }
  power(day: string, event: PowerItemEvent): this {
    return this.on(day, powerStreamId(COUNTY, POWER), event);
  }
  team(day: string, event: TeamEvent): this {
    return this.on(day, teamStreamId(TEAM), event);
  }
  handover(day: string, event: HandoverEvent, id = HANDOVER): this {
    return this.on(day, handoverStreamId(id), event);
  }
}

const POWER = 'CF-CG-0001';
const HANDOVER = 'handover-1';
const { zhangWei, liNa, wangQiang } = officers;

const registered = (certifiedOfficers = 2): PowerItemEvent => ({
  type: 'PowerItemRegistered',
  data: {
    countyId: COUNTY,
    code: POWER,
    name: '对随地吐痰、乱扔果皮纸屑烟头等废弃物的处罚',
    category: 'penalty',
    legalBasis: '《城市市容和环境卫生管理条例》第三十四条',
    department: URBAN_MANAGEMENT,
    requirements: { certifiedOfficers, equipment: [], training: [] },
  },
});

const recorded = handoverRecorded;

const joined = (officer: (typeof officers)[keyof typeof officers], certificateExpiresOn = '2030-12-31'): TeamEvent => ({
  type: 'OfficerJoined',
  data: { ...officer, certificateExpiresOn },
});
const left = (officer: { officerId: string }): TeamEvent => ({ type: 'OfficerLeft', data: { officerId: officer.officerId } });

const MARCH = { from: '2026-03-01', to: '2026-03-30' };

function only(log: Log, period = MARCH): HandoverEvaluation {
  const [handover, ...others] = evaluatePeriod(log.events, period).handovers;
  expect(others).toEqual([]);
  if (handover === undefined) throw new Error('no handover evaluated');
  return handover;
}

/** A team with one officer and a handover needing two, recorded on 1 March. */
function lackingOneOfficer(): Log {
  return new Log()
    .power('2026-02-01', registered())
    .team('2026-02-01', teamFormed())
    .team('2026-02-01', joined(zhangWei))
    .handover('2026-03-01', recorded());
}

describe('time-weighted readiness', () => {
  it('counts a handover lacking officers from day 1 and ready on day 11 as ready 20 of 30 days, 10 days to first ready', () => {
    const log = lackingOneOfficer().team('2026-03-11', joined(liNa));
    const handover = only(log);
    expect(handover).toMatchObject({ days: 30, readyDays: 20, readyShare: 20 / 30, daysToFirstReady: 10, recordedOn: '2026-03-01' });
    // Nobody promised the officer: the gap is the county office's, for the ten days it lasted.
    expect(handover.gapDays).toEqual({ [COUNTY_OFFICE]: 10 });
  });

  it('does not count a gap that opens and closes within one day (a day counts by its end)', () => {
    const log = lackingOneOfficer().team('2026-02-01', joined(liNa)).team('2026-03-05', left(liNa)).team('2026-03-05', joined(wangQiang));
    expect(only(log)).toMatchObject({ days: 30, readyDays: 30, readyShare: 1, daysToFirstReady: 0, flags: ['zero-use'] });
  });

  it('lapses a certificate the day after its expiry date, with no event on that day', () => {
    const log = lackingOneOfficer().team('2026-02-01', joined(liNa, '2026-03-10'));
    const handover = only(log);
    // Ready 1–10 March (the certificate is valid through the 10th), not from the 11th.
    expect(handover).toMatchObject({ days: 30, readyDays: 10, daysToFirstReady: 0 });
    expect(handover.gapDays).toEqual({ [COUNTY_OFFICE]: 20 });
    expect(handover.flags).not.toContain('never-ready');
  });

  it('lapses a certificate that expires on a day other events happen', () => {
    const log = lackingOneOfficer()
      .team('2026-02-01', joined(liNa, '2026-03-09'))
      .handover('2026-03-10', {
        type: 'ReminderSent',
        data: { reminderId: 'r1', kind: 'certificate-expiry', step: 1, recipients: ['user-1'] },
      });
    expect(only(log)).toMatchObject({ readyDays: 9 });
  });

  it('stops counting a handover revoked mid-period on the day of its revocation', () => {
    const log = lackingOneOfficer()
      .team('2026-02-01', joined(liNa))
      .handover('2026-03-16', { type: 'HandoverRevoked', data: { reason: '乡镇申请收回', previousStatus: 'recorded' } });
    expect(only(log)).toMatchObject({ status: 'revoked', days: 15, readyDays: 15, readyShare: 1 });
  });

  it('re-assesses on equipment and training the power requires, and only on those', () => {
    const needing: PowerItemEvent = {
      type: 'PowerItemRegistered',
      data: {
        ...(registered().data as Extract<PowerItemEvent, { type: 'PowerItemRegistered' }>['data']),
        requirements: {
          certifiedOfficers: 1,
          equipment: [{ kind: 'body-camera', quantity: 2 }],
          training: [{ course: '执法实务', hours: 4 }],
        },
      },
    };
    const log = new Log()
      .power('2026-02-01', needing)
      .team('2026-02-01', teamFormed())
      .team('2026-02-01', joined(zhangWei))
      .handover('2026-03-01', recorded())
      .team('2026-03-05', { type: 'EquipmentReceived', data: { kind: 'drone', quantity: 1 } })
      .team('2026-03-05', {
        type: 'TrainingCompleted',
        data: { trainingId: 't0', officerId: zhangWei.officerId, course: '其他课程', hours: 9, completedOn: '2026-03-05' },
      })
      .team('2026-03-06', {
        type: 'TrainingCompleted',
        data: { trainingId: 't1', officerId: zhangWei.officerId, course: '执法实务', hours: 4, completedOn: '2026-03-06' },
      })
      .team('2026-03-11', { type: 'EquipmentReceived', data: { kind: 'body-camera', quantity: 2 } });
    const handover = only(log);
    expect(handover).toMatchObject({ readyDays: 20, daysToFirstReady: 10 });
    // The course missing 1–5 March, the cameras 1–10 March: the cameras' receipt, last, makes it ready.
    expect(handover.gapDays).toEqual({ [COUNTY_OFFICE]: 10 });
  });

  it('re-assesses every handover of a power when its requirements are revised', () => {
    const log = lackingOneOfficer()
      .team('2026-02-01', joined(liNa))
      .power('2026-03-21', {
        type: 'PowerRequirementsRevised',
        data: {
          requirements: { certifiedOfficers: 3, equipment: [], training: [] },
          previousRequirements: { certifiedOfficers: 2, equipment: [], training: [] },
        },
      });
    expect(only(log)).toMatchObject({ days: 30, readyDays: 20 });
  });

  it('counts only the days inside the period, and the first ready day wherever it falls', () => {
    const log = lackingOneOfficer().team('2026-03-11', joined(liNa));
    expect(only(log, { from: '2026-03-21', to: '2026-03-30' })).toMatchObject({
      days: 10,
      readyDays: 10,
      readyShare: 1,
      daysToFirstReady: 10,
    });
    expect(only(log, { from: '2026-03-01', to: '2026-03-05' })).toMatchObject({
      days: 5,
      readyDays: 0,
      daysToFirstReady: null,
      flags: ['zero-use', 'never-ready'],
    });
  });

  it('does not read the log past the end of the period', () => {
    const before = only(lackingOneOfficer());
    const after = only(
      lackingOneOfficer()
        .team('2026-03-31', joined(liNa))
        .handover('2026-04-02', { type: 'HandoverRevoked', data: { reason: '撤销', previousStatus: 'recorded' } }),
    );
    expect(after).toEqual(before);
  });

  it('counts readiness month by month per township', () => {
    const log = lackingOneOfficer().team('2026-03-11', joined(liNa));
    const { series } = evaluatePeriod(log.events, { from: '2026-03-01', to: '2026-04-30' });
    expect(series).toEqual([
      { townshipId: TOWNSHIP, month: '2026-03', days: 31, readyDays: 21, readyShare: 21 / 31 },
      { townshipId: TOWNSHIP, month: '2026-04', days: 30, readyDays: 30, readyShare: 1 },
    ]);
  });
});

describe('reminders, usage and recall requests', () => {
  const reminder = (reminderId: string, kind: 'gap' | 'gaps-closed' = 'gap'): HandoverEvent => ({
    type: 'ReminderSent',
    data: { reminderId, kind, step: 1, recipients: ['user-1'] },
  });

  it('measures how long after the first reminder the gap closed', () => {
    const log = lackingOneOfficer()
      .handover('2026-03-03', reminder('r1'))
      .handover('2026-03-06', reminder('r2'))
      .team('2026-03-11', joined(liNa))
      .handover('2026-03-11', reminder('r3', 'gaps-closed'));
    expect(only(log)).toMatchObject({ remindersSent: 2, gapClosedAfterReminderDays: [8] });
  });

  it('sums the cases of the months the period touches, the last figure of a month standing, and flags zero use', () => {
    const usage = (month: string, cases: number): HandoverEvent => ({
      type: 'HandoverUsageRecorded',
      data: { month, cases, previousCases: null },
    });
    const log = lackingOneOfficer().team('2026-03-11', joined(liNa)).handover('2026-04-02', usage('2026-03', 4));
    expect(only(log, { from: '2026-03-01', to: '2026-04-30' })).toMatchObject({ cases: 4, flags: [] });
    log.handover('2026-04-03', usage('2026-03', 6)).handover('2026-04-03', usage('2026-01', 9));
    expect(only(log, { from: '2026-03-01', to: '2026-04-30' })).toMatchObject({ cases: 6 });
    expect(only(log, { from: '2026-04-01', to: '2026-04-30' })).toMatchObject({ cases: 0, flags: ['zero-use'] });
    // March's cases recorded in April count for an evaluation of March.
    expect(only(log, { from: '2026-03-01', to: '2026-03-31' })).toMatchObject({ cases: 6, flags: [] });
  });

  it('flags a handover whose township asked for it to be taken back', () => {
    const log = lackingOneOfficer().on('2026-03-20', `recall-${TOWNSHIP}-handover-${HANDOVER}`, {
      type: 'RecallRequested',
      data: {
        requestId: 'q1',
        countyId: COUNTY,
        townshipId: TOWNSHIP,
        handoverId: HANDOVER,
        reason: '办件量为零',
        filedBy: 'u',
        filedAt: '2026-03-20T02:00:00Z',
      },
    });
    expect(only(log)).toMatchObject({ recallRequests: 1, flags: ['zero-use', 'never-ready', 'recall-requested'] });
  });
});

describe('resources promised against delivered', () => {
  const committed: Commitments = {
    officers: [{ name: liNa.name, certificateNumber: liNa.certificateNumber, certificateExpiresOn: '2030-12-31' }],
    equipment: [{ kind: 'body-camera', quantity: 2 }],
    training: [{ course: '市容环卫执法实务', hours: 4, scheduledOn: '2026-03-10' }],
  };

  it('dates each line by what the team received after the recording, and counts the days late', () => {
    const log = new Log()
      .power('2026-02-01', registered())
      .team('2026-02-01', teamFormed())
      .team('2026-02-01', { type: 'EquipmentReceived', data: { kind: 'body-camera', quantity: 5 } })
      .handover('2026-03-01', recorded({ department: MARKET_REGULATION, committed }))
      .team('2026-03-06', joined(liNa))
      .team('2026-03-08', { type: 'EquipmentReceived', data: { kind: 'body-camera', quantity: 1 } })
      .team('2026-03-05', {
        type: 'TrainingCompleted',
        data: { trainingId: 't1', officerId: liNa.officerId, course: '市容环卫执法实务', hours: 4, completedOn: '2026-03-09' },
      });
    const { committedDelivered } = only(log);
    expect(committedDelivered).toEqual({
      promised: 3,
      delivered: 2,
      // The officer 5 days after the effective date; the cameras (only one of two came) 29 days by the period's end.
      lateDays: 5 + 29,
      lines: [
        { resource: 'officers', item: liNa.certificateNumber, quantity: 1, dueOn: '2026-03-01', deliveredOn: '2026-03-06', lateDays: 5 },
        { resource: 'equipment', item: 'body-camera', quantity: 2, dueOn: '2026-03-01', deliveredOn: null, lateDays: 29 },
        { resource: 'training', item: '市容环卫执法实务', quantity: 4, dueOn: '2026-03-10', deliveredOn: '2026-03-09', lateDays: 0 },
      ],
    });
  });

  it('adds up per township, power and department; the department answers for the gaps of what it promised', () => {
    const log = lackingOneOfficer()
      .handover('2026-03-01', recorded({ handoverId: 'handover-2', department: MARKET_REGULATION, committed }), 'handover-2')
      .team('2026-03-11', joined(liNa));
    const { totals } = evaluatePeriod(log.events, MARCH);
    expect(totals.townships).toEqual([
      expect.objectContaining({ townshipId: TOWNSHIP, handovers: 2, days: 60, promised: 3, delivered: 1, zeroUse: 2 }),
    ]);
    expect(totals.powers).toEqual([expect.objectContaining({ powerCode: POWER, handovers: 2 })]);
    const departments = Object.fromEntries(totals.departments.map((row) => [row.department, row]));
    // Ten days of gaps each: handover-1's the county office's, handover-2's the department's (its officer had not come).
    expect(departments[MARKET_REGULATION]).toMatchObject({ handovers: 1, promised: 3, delivered: 1, deliveredOnTime: 0, gapDays: 10 });
    expect(departments[COUNTY_OFFICE]).toMatchObject({ handovers: 0, gapDays: 10 });
    expect(departments[URBAN_MANAGEMENT]).toMatchObject({ handovers: 1, promised: 0, gapDays: 0 });
  });
});

describe('whistles', () => {
  const raised = (whistleId: string, day: string): DomainEvent => ({
    type: 'WhistleRaised',
    data: {
      whistleId,
      countyId: COUNTY,
      townshipId: TOWNSHIP,
      title: '河道采砂',
      description: '夜间采砂',
      urgency: 'normal',
      raisedBy: 'u',
      raisedAt: `${day}T02:00:00.000Z`,
    },
  });
  const dispatched = (day: string, acceptBy: string): DomainEvent => ({
    type: 'WhistleDispatched',
    data: { department: '水利局', coDepartments: [], routedBy: 'list', dispatchedBy: 'u', dispatchedAt: `${day}T02:00:00.000Z`, acceptBy },
  });

  it('counts the whistles raised in the period per township and assesses the departments that led them', () => {
    // w0 was raised before the period (log order is date order).
    const log = new Log()
      .on('2026-02-20', 'whistle-w0', raised('w0', '2026-02-20'))
      .power('2026-02-21', registered())
      .team('2026-02-21', teamFormed())
      .handover('2026-03-01', recorded())
      .on('2026-03-02', 'whistle-w1', raised('w1', '2026-03-02'))
      .on('2026-03-02', 'whistle-w1', dispatched('2026-03-02', '2026-03-02T04:00:00.000Z'));
    const { totals } = evaluatePeriod(log.events, MARCH, {}, { asOf: '2026-03-31T00:00:00.000Z' });
    expect(totals.townships).toEqual([expect.objectContaining({ townshipId: TOWNSHIP, whistles: 1 })]);
    // Not accepted by its deadline: due and late, so the score is below the neutral 50.
    expect(totals.departments.find((row) => row.department === '水利局')).toMatchObject({
      handovers: 0,
      whistles: 1,
      whistlesResolvedOnTime: 0,
    });
    expect(totals.departments.find((row) => row.department === '水利局')?.whistleScore).toBeLessThan(50);
    expect(evaluatePeriod(log.events, MARCH, { powerCode: POWER }).totals.townships[0]?.whistles).toBe(0);
  });
});

describe('nextMonth', () => {
  it('rolls over the year', () => {
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(nextMonth('2026-09')).toBe('2026-10');
  });
});

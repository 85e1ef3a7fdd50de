import fc from 'fast-check';
import { evolveAll } from '../decider';
import { whistleDecider } from '../whistle/decider';
import type { WhistleEvent } from '../whistle/events';
import type { WhistleState } from '../whistle/state';
import {
  assessDepartments,
  DEFAULT_ASSESSMENT_WEIGHTS,
  departmentScore,
  parseAssessmentWeights,
  raisedWithin,
  type AssessmentWeights,
  type DepartmentTally,
} from './departments';

const MARKET = '市场监管局';
const ECOLOGY = '生态环境局';
const RAISED_AT = '2026-03-02T01:00:00.000Z';
const ACCEPT_BY = '2026-03-02T03:00:00.000Z';
const ARRIVE_BY = '2026-03-03T03:00:00.000Z';
const RESOLVE_BY = '2026-03-09T03:00:00.000Z';
const LATER = '2026-04-01T00:00:00.000Z';

/** On time (true), late (false), or not done (absent), for each step; the township's evaluation when there is one. */
interface Handling {
  accept?: boolean;
  arrive?: boolean;
  resolve?: boolean;
  evaluation?: { score: number; satisfied: boolean };
}

/** A whistle built from its events, as the ledger folds it. */
function handled(id: string, department: string | null, handling: Handling = {}): WhistleState {
  const events: WhistleEvent[] = [
    {
      type: 'WhistleRaised',
      data: {
        whistleId: id,
        countyId: 'c',
        townshipId: 't',
        title: '占道经营',
        description: '集市占道',
        urgency: 'normal',
        raisedBy: 'u',
        raisedAt: RAISED_AT,
      },
    },
    { type: 'WhistleSignedOff', data: { signedOffBy: 'head', signedOffAt: RAISED_AT } },
  ];
  if (department === null) {
    events.push({ type: 'WhistleReferredToCountyOffice', data: { reason: 'no-item', referredAt: RAISED_AT } });
    return evolveAll(whistleDecider, whistleDecider.initialState, events);
  }
  events.push({
    type: 'WhistleDispatched',
    data: { department, coDepartments: [], routedBy: 'list', dispatchedBy: 'head', dispatchedAt: RAISED_AT, acceptBy: ACCEPT_BY },
  });
  const by = `${id}-officer`;
  if (handling.accept !== undefined)
    events.push({
      type: 'WhistleAccepted',
      data: { department, acceptedBy: by, acceptedAt: RAISED_AT, onTime: handling.accept, arriveBy: ARRIVE_BY },
    });
  if (handling.arrive !== undefined)
    events.push({
      type: 'WhistleArrived',
      data: { department, arrivedBy: by, arrivedAt: RAISED_AT, onTime: handling.arrive, resolveBy: RESOLVE_BY },
    });
  if (handling.resolve !== undefined)
    events.push({
      type: 'WhistleResolved',
      data: { department, resolvedBy: by, resolvedAt: RAISED_AT, onTime: handling.resolve, result: '已清理' },
    });
  if (handling.evaluation !== undefined)
    events.push({ type: 'WhistleEvaluated', data: { ...handling.evaluation, evaluatedBy: 'u', evaluatedAt: RAISED_AT } });
  return evolveAll(whistleDecider, whistleDecider.initialState, events);
}

const perfect: Handling = { accept: true, arrive: true, resolve: true, evaluation: { score: 5, satisfied: true } };

describe('assessment of departments', () => {
  it('counts each department’s whistles, steps on time, resolutions and the townships’ rating', () => {
    const whistles = [
      handled('w1', MARKET, perfect),
      handled('w2', MARKET, { accept: false, arrive: true, resolve: true, evaluation: { score: 2, satisfied: false } }),
      handled('w3', MARKET, { accept: true }),
      handled('w4', ECOLOGY, perfect),
    ];
    // As of the day after dispatch: w3's arrival (due 3 March) counts neither way.
    const rows = assessDepartments(whistles, '2026-03-02T12:00:00.000Z');
    expect(rows.map((row) => row.department)).toEqual([MARKET, ECOLOGY].sort());
    expect(rows.find((row) => row.department === MARKET)).toEqual({
      department: MARKET,
      whistles: 3,
      acceptedOnTime: 2,
      arrivedOnTime: 2,
      resolvedOnTime: 2,
      resolved: 2,
      satisfied: 1,
      meanScore: 3.5,
      // Parts, each smoothed by one pseudo-whistle at half marks: accept (2 + ½)/(3 + 1) = 0.625;
      // arrive, resolve on time and resolution (2 + ½)/(2 + 1) = 0.8333; rating ((7 − 2)/4 + ½)/(2 + 1) = 0.5833;
      // satisfaction (1 + ½)/(2 + 1) = 0.5. Weighted 15/15/15/15/25/15: 68.96 → 69.0.
      score: 69,
    });
  });

  it('counts a step undone past its deadline as late, and one still within its time as neither', () => {
    const [within] = assessDepartments([handled('w1', MARKET)], '2026-03-02T02:00:00.000Z');
    const [past] = assessDepartments([handled('w1', MARKET)], '2026-03-02T04:00:00.000Z');
    expect(within).toMatchObject({ whistles: 1, acceptedOnTime: 0, score: 50 });
    expect(past).toMatchObject({ whistles: 1, acceptedOnTime: 0 });
    expect(past!.score).toBeLessThan(within!.score);
  });

  it('counts a whistle for no department while it awaits dispatch', () => {
    expect(assessDepartments([handled('w1', null)], LATER)).toEqual([]);
  });

  it('has no veto: the worst handled single whistle does not bring the score to 0', () => {
    const worst = handled('w1', MARKET, { accept: false, arrive: false, resolve: false, evaluation: { score: 1, satisfied: false } });
    const [alone] = assessDepartments([worst], LATER);
    expect(alone!.score).toBeGreaterThan(0);
    const [withOthers] = assessDepartments([worst, ...['w2', 'w3', 'w4'].map((id) => handled(id, MARKET, perfect))], LATER);
    expect(withOthers!.score).toBeGreaterThan(60);
  });

  it('weighs the township’s rating by the configured weights', () => {
    const whistles = [handled('w1', MARKET, { accept: false, arrive: false, resolve: false, evaluation: { score: 5, satisfied: true } })];
    const ratingOnly: AssessmentWeights = {
      acceptedOnTime: 0,
      arrivedOnTime: 0,
      resolvedOnTime: 0,
      resolution: 0,
      rating: 1,
      satisfaction: 0,
    };
    const timelinessHeavy: AssessmentWeights = { ...ratingOnly, acceptedOnTime: 7, rating: 3 };
    // Rating: (1 + ½)/(1 + 1) = 0.75; on time: (0 + ½)/(1 + 1) = 0.25.
    expect(assessDepartments(whistles, LATER, ratingOnly)[0]!.score).toBe(75);
    expect(assessDepartments(whistles, LATER, timelinessHeavy)[0]!.score).toBe(40);
  });

  it('accepts weights that give the township’s rating at least 30% (60% for a branch office), naming what is wrong', () => {
    expect(parseAssessmentWeights({ ...DEFAULT_ASSESSMENT_WEIGHTS })).toEqual({ ok: true, value: DEFAULT_ASSESSMENT_WEIGHTS });
    const lowRating = { acceptedOnTime: 20, arrivedOnTime: 20, resolvedOnTime: 20, resolution: 15, rating: 15, satisfaction: 10 };
    expect(parseAssessmentWeights(lowRating)).toMatchObject({ ok: false, error: [{ field: 'rating' }] });
    // Exactly 30%: 20 + 10 of 100.
    expect(parseAssessmentWeights({ ...lowRating, resolvedOnTime: 15, rating: 20, satisfaction: 10 })).toMatchObject({ ok: true });
    expect(parseAssessmentWeights(DEFAULT_ASSESSMENT_WEIGHTS, 0.6)).toMatchObject({ ok: false, error: [{ field: 'rating' }] });
    expect(parseAssessmentWeights({ ...DEFAULT_ASSESSMENT_WEIGHTS, rating: 75 }, 0.6)).toMatchObject({ ok: true });
    expect(parseAssessmentWeights({ ...DEFAULT_ASSESSMENT_WEIGHTS, resolution: -1, satisfaction: '15' })).toMatchObject({
      ok: false,
      error: [{ field: 'resolution' }, { field: 'satisfaction' }],
    });
    const zero = { acceptedOnTime: 0, arrivedOnTime: 0, resolvedOnTime: 0, resolution: 0, rating: 0, satisfaction: 0 };
    expect(parseAssessmentWeights(zero)).toMatchObject({ ok: false, error: [{ field: 'weights' }] });
  });

  it('picks the whistles raised within a period', () => {
    const whistle = handled('w1', MARKET);
    expect(raisedWithin(whistle, '2026-03-01T16:00:00.000Z', '2026-03-02T16:00:00.000Z')).toBe(true);
    expect(raisedWithin(whistle, RAISED_AT, LATER)).toBe(true);
    expect(raisedWithin(whistle, '2026-02-01T00:00:00.000Z', RAISED_AT)).toBe(false);
    expect(raisedWithin(whistleDecider.initialState, '2026-01-01T00:00:00.000Z', LATER)).toBe(false);
  });

  describe('properties', () => {
    const worstTally: DepartmentTally = {
      whistles: 1,
      accept: { done: 0, due: 1 },
      arrive: { done: 0, due: 1 },
      resolve: { done: 0, due: 1 },
      resolution: { done: 0, due: 1 },
      evaluations: { count: 1, scoreSum: 1, satisfied: 0 },
    };
    const bestTally: DepartmentTally = {
      whistles: 60,
      accept: { done: 60, due: 60 },
      arrive: { done: 60, due: 60 },
      resolve: { done: 60, due: 60 },
      resolution: { done: 60, due: 60 },
      evaluations: { count: 60, scoreSum: 300, satisfied: 60 },
    };

    const share = (whistles: number): fc.Arbitrary<{ done: number; due: number }> =>
      fc.integer({ min: 0, max: whistles }).chain((due) => fc.integer({ min: 0, max: due }).map((done) => ({ done, due })));
    const tallies: fc.Arbitrary<DepartmentTally> = fc.integer({ min: 1, max: 60 }).chain((whistles) =>
      fc.record({
        whistles: fc.constant(whistles),
        accept: share(whistles),
        arrive: share(whistles),
        resolve: share(whistles),
        resolution: share(whistles),
        evaluations: fc.integer({ min: 0, max: whistles }).chain((count) =>
          fc.record({
            count: fc.constant(count),
            scoreSum: fc.integer({ min: count, max: 5 * count }),
            satisfied: fc.integer({ min: 0, max: count }),
          }),
        ),
      }),
    );
    const weightsArb: fc.Arbitrary<AssessmentWeights> = fc
      .record({
        acceptedOnTime: fc.integer({ min: 0, max: 50 }),
        arrivedOnTime: fc.integer({ min: 0, max: 50 }),
        resolvedOnTime: fc.integer({ min: 0, max: 50 }),
        resolution: fc.integer({ min: 0, max: 50 }),
        rating: fc.integer({ min: 0, max: 50 }),
        satisfaction: fc.integer({ min: 0, max: 50 }),
      })
      .filter((weights) => parseAssessmentWeights(weights).ok);

    it('a score lies strictly between 0 and 100, whatever the whistles and the accepted weights', () => {
      fc.assert(
        fc.property(tallies, weightsArb, (tally, weights) => {
          const score = departmentScore(tally, weights);
          expect(score).toBeGreaterThan(0);
          expect(score).toBeLessThan(100);
        }),
        {
          examples: [
            [worstTally, DEFAULT_ASSESSMENT_WEIGHTS],
            [bestTally, DEFAULT_ASSESSMENT_WEIGHTS],
          ],
        },
      );
    });

    it('one more step on time, resolution, satisfied township or point of score never lowers it', () => {
      fc.assert(
        fc.property(tallies, weightsArb, fc.constantFrom('accept', 'arrive', 'resolve', 'resolution'), (tally, weights, part) => {
          fc.pre(tally[part].done < tally[part].due);
          const better = { ...tally, [part]: { ...tally[part], done: tally[part].done + 1 } };
          expect(departmentScore(better, weights)).toBeGreaterThanOrEqual(departmentScore(tally, weights));
        }),
      );
      fc.assert(
        fc.property(tallies, weightsArb, (tally, weights) => {
          const { count, scoreSum, satisfied } = tally.evaluations;
          fc.pre(scoreSum < 5 * count && satisfied < count);
          const higherScore = { ...tally, evaluations: { ...tally.evaluations, scoreSum: scoreSum + 1 } };
          const moreSatisfied = { ...tally, evaluations: { ...tally.evaluations, satisfied: satisfied + 1 } };
          expect(departmentScore(higherScore, weights)).toBeGreaterThanOrEqual(departmentScore(tally, weights));
          expect(departmentScore(moreSatisfied, weights)).toBeGreaterThanOrEqual(departmentScore(tally, weights));
        }),
      );
    });

    it('turning one whistle’s late step into an on-time one never lowers the department’s score', () => {
      const handlings = fc.array(
        fc.record({
          accept: fc.boolean(),
          arrive: fc.option(fc.boolean(), { nil: undefined }),
          resolve: fc.option(fc.boolean(), { nil: undefined }),
          score: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
        }),
        { minLength: 1, maxLength: 12 },
      );
      fc.assert(
        fc.property(handlings, fc.nat(), (list, pick) => {
          const build = (items: typeof list): WhistleState[] =>
            items.map((item, index) => {
              const arrive = item.arrive;
              const resolve = arrive === undefined ? undefined : item.resolve;
              const evaluation =
                resolve === undefined || item.score === undefined ? undefined : { score: item.score, satisfied: item.score >= 4 };
              return handled(`w${index}`, MARKET, { accept: item.accept, arrive, resolve, evaluation });
            });
          const index = pick % list.length;
          const improved = list.map((item, at) => (at === index ? { ...item, accept: true } : item));
          const [before] = assessDepartments(build(list), LATER);
          const [after] = assessDepartments(build(improved), LATER);
          expect(after!.score).toBeGreaterThanOrEqual(before!.score);
          expect(after!.score).toBeLessThanOrEqual(100);
        }),
      );
    });
  });
});

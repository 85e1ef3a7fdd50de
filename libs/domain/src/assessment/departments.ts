import type { FieldError } from '../domain-error';
import { parsedOr, type Result } from '../parsing';
import { isRecord, type FieldErrors } from '../validation';
import { WHISTLE_SCORE_MAX, WHISTLE_SCORE_MIN } from '../whistle/parse';
import { deadlineOf, type RaisedWhistle, type WhistleState, type WhistleStep } from '../whistle/state';

/**
 * The two-way assessment (双向考核) of county departments by the whistles they were sent: how fast they
 * accepted, arrived and resolved, how many they resolved, and how the townships rated them.
 *
 * Default formula, a score from 0 to 100:
 *
 *   score = 100 × Σ weightᵢ × partᵢ / Σ weightᵢ, with the default weights
 *     15 accepted on time    (on time / accept steps due)
 *     15 arrived on time     (on time / arrive steps due)
 *     15 resolved on time    (on time / resolve steps due)
 *     15 resolution          (resolved / whistles whose resolution is due)
 *     25 township's rating   ((mean score − 1) / 4 over the evaluated whistles)
 *     15 township's satisfaction (satisfied / evaluated)
 *
 * A step is due once it is done or its deadline has passed by `asOf`: a whistle still within its
 * time limits counts neither for nor against. The township's rating (rating + satisfaction) weighs
 * 40% by default and never less than 30% (Shandong township regulation art. 18; ≥ 60% for a
 * department's local branch office: pass that minimum to `parseAssessmentWeights`).
 *
 * No veto (一票否决, banned by art. 27): every part is a share, smoothed by one neutral pseudo-whistle
 * (`PRIOR_WHISTLES`, at half marks), so that no single whistle — however badly handled — can bring a
 * score to 0, and a department with few whistles is not ranked on one of them alone.
 *
 * Only departments are assessed here, by the whistles they lead. Townships are not scored on
 * whistles at all, so a whistle about an item the township only assists with (配合履职) never lowers a
 * township's score (art. 19).
 */
export interface AssessmentWeights {
  acceptedOnTime: number;
  arrivedOnTime: number;
  resolvedOnTime: number;
  resolution: number;
  /** The township's mean score of the resolutions. */
  rating: number;
  /** The share of resolutions the township was satisfied with. */
  satisfaction: number;
}

export const DEFAULT_ASSESSMENT_WEIGHTS: Readonly<AssessmentWeights> = {
  acceptedOnTime: 15,
  arrivedOnTime: 15,
  resolvedOnTime: 15,
  resolution: 15,
  rating: 25,
  satisfaction: 15,
};

/** The least share of a county department's score that is the townships' rating (Shandong art. 18). */
export const TOWNSHIP_RATING_SHARE_MIN = 0.3;

/** Neutral pseudo-whistles (at half marks) added to every part of the score: the smoothing that rules out a veto. */
export const PRIOR_WHISTLES = 1;

const WEIGHT_NAMES = ['acceptedOnTime', 'arrivedOnTime', 'resolvedOnTime', 'resolution', 'rating', 'satisfaction'] as const;

/** One department's row, as `GET /assessments/departments` answers it. */
export interface DepartmentAssessment {
  department: string;
  whistles: number;
  acceptedOnTime: number;
  arrivedOnTime: number;
  resolvedOnTime: number;
  /** Resolved and not reopened since. */
  resolved: number;
  satisfied: number;
  /** Of the latest evaluation of each evaluated whistle; null when none is evaluated. */
  meanScore: number | null;
  /** 0–100, one decimal. */
  score: number;
}

/** What the score is computed from: for each part, the successes and the cases that count. */
export interface DepartmentTally {
  whistles: number;
  accept: Share;
  arrive: Share;
  resolve: Share;
  resolution: Share;
  evaluations: { count: number; scoreSum: number; satisfied: number };
}

export interface Share {
  done: number;
  due: number;
}

/**
 * The departments' rows for the whistles given (the caller picks those of the period, e.g. with
 * `raisedWithin`), as of `asOf` (an instant: which deadlines have passed). A whistle counts for its lead
 * department; one awaiting dispatch counts for none. Rows in the order of the departments' names.
 */
export function assessDepartments(
  whistles: readonly WhistleState[],
  asOf: string,
  weights: AssessmentWeights = DEFAULT_ASSESSMENT_WEIGHTS,
): DepartmentAssessment[] {
  const tallies = new Map<string, DepartmentTally>();
  for (const whistle of whistles) {
    if (whistle.status === 'none' || whistle.department === null) continue;
    const tally = tallies.get(whistle.department) ?? emptyTally();
    tallies.set(whistle.department, addWhistle(tally, whistle, asOf));
  }
  return [...tallies.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([department, tally]) => ({
      department,
      whistles: tally.whistles,
      acceptedOnTime: tally.accept.done,
      arrivedOnTime: tally.arrive.done,
      resolvedOnTime: tally.resolve.done,
      resolved: tally.resolution.done,
      satisfied: tally.evaluations.satisfied,
      meanScore: tally.evaluations.count === 0 ? null : round(tally.evaluations.scoreSum / tally.evaluations.count, 2),
      score: departmentScore(tally, weights),
    }));
}

/** Whether a whistle was raised within [from, to) (instants). */
export function raisedWithin(whistle: WhistleState, from: string, to: string): boolean {
  if (whistle.status === 'none') return false;
  const raised = Date.parse(whistle.raisedAt);
  return raised >= Date.parse(from) && raised < Date.parse(to);
}

/** The 0–100 score of a tally (see the formula above); `weights` as `parseAssessmentWeights` accepts them. */
export function departmentScore(tally: DepartmentTally, weights: AssessmentWeights = DEFAULT_ASSESSMENT_WEIGHTS): number {
  const { evaluations } = tally;
  const scoreSpan = WHISTLE_SCORE_MAX - WHISTLE_SCORE_MIN;
  const parts: Record<keyof AssessmentWeights, number> = {
    acceptedOnTime: smoothed(tally.accept.done, tally.accept.due),
    arrivedOnTime: smoothed(tally.arrive.done, tally.arrive.due),
    resolvedOnTime: smoothed(tally.resolve.done, tally.resolve.due),
    resolution: smoothed(tally.resolution.done, tally.resolution.due),
    rating: smoothed((evaluations.scoreSum - WHISTLE_SCORE_MIN * evaluations.count) / scoreSpan, evaluations.count),
    satisfaction: smoothed(evaluations.satisfied, evaluations.count),
  };
  const total = WEIGHT_NAMES.reduce((sum, name) => sum + weights[name], 0);
  const weighted = WEIGHT_NAMES.reduce((sum, name) => sum + weights[name] * parts[name], 0);
  return round((100 * weighted) / total, 1);
}

/**
 * Weights from configuration: each a finite number ≥ 0, not all 0, and the township's rating (rating +
 * satisfaction) at least `minimumRatingShare` of their sum (30% for a county department, 60% for a local branch office).
 */
export function parseAssessmentWeights(
  input: unknown,
  minimumRatingShare = TOWNSHIP_RATING_SHARE_MIN,
): Result<AssessmentWeights, FieldError[]> {
  const data = isRecord(input) ? input : {};
  const errors: FieldErrors = [];
  const weights = { ...DEFAULT_ASSESSMENT_WEIGHTS };
  for (const name of WEIGHT_NAMES) {
    const value = data[name];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
      errors.push({ field: name, message: 'must be a number at least 0' });
    else weights[name] = value;
  }
  if (errors.length > 0) return parsedOr(errors, weights);
  const total = WEIGHT_NAMES.reduce((sum, name) => sum + weights[name], 0);
  if (total <= 0) errors.push({ field: 'weights', message: 'must not all be 0' });
  else if ((weights.rating + weights.satisfaction) / total < minimumRatingShare)
    errors.push({
      field: 'rating',
      message: `the townships' rating (rating + satisfaction) must weigh at least ${minimumRatingShare * 100}% of the score (Shandong art. 18)`,
    });
  return parsedOr(errors, weights);
}

function emptyTally(): DepartmentTally {
  const none = (): Share => ({ done: 0, due: 0 });
  return {
    whistles: 0,
    accept: none(),
    arrive: none(),
    resolve: none(),
    resolution: none(),
    evaluations: { count: 0, scoreSum: 0, satisfied: 0 },
  };
}

function addWhistle(tally: DepartmentTally, whistle: RaisedWhistle, asOf: string): DepartmentTally {
  const resolved = whistle.status === 'resolved' || whistle.status === 'closed';
  const resolutionDue = resolved || passed(whistle.deadlines.resolveBy, asOf);
  const evaluation = whistle.evaluation;
  return {
    whistles: tally.whistles + 1,
    accept: addStep(tally.accept, whistle, 'accept', asOf),
    arrive: addStep(tally.arrive, whistle, 'arrive', asOf),
    resolve: addStep(tally.resolve, whistle, 'resolve', asOf),
    resolution: { done: tally.resolution.done + (resolved ? 1 : 0), due: tally.resolution.due + (resolutionDue ? 1 : 0) },
    evaluations:
      evaluation === null
        ? tally.evaluations
        : {
            count: tally.evaluations.count + 1,
            scoreSum: tally.evaluations.scoreSum + evaluation.score,
            satisfied: tally.evaluations.satisfied + (evaluation.satisfied ? 1 : 0),
          },
  };
}

/** A step counts once done (on time or not), or once its deadline has passed undone (late). */
function addStep(share: Share, whistle: RaisedWhistle, step: WhistleStep, asOf: string): Share {
  const onTime = whistle.onTime[step];
  if (onTime !== null) return { done: share.done + (onTime ? 1 : 0), due: share.due + 1 };
  return passed(deadlineOf(whistle.deadlines, step), asOf) ? { done: share.done, due: share.due + 1 } : share;
}

function passed(deadline: string | null, asOf: string): boolean {
  return deadline !== null && Date.parse(deadline) < Date.parse(asOf);
}

function smoothed(done: number, due: number): number {
  return (done + PRIOR_WHISTLES / 2) / (due + PRIOR_WHISTLES);
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

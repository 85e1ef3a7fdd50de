import { UnrecoverableError } from 'bullmq';
import { isValidDate } from '@fangquan/domain';
import { DELIVERY_CHANNELS, type OutsideChannel } from '../policy/reminder-ids';
import type { RequestType, SubjectReminderJob } from '../policy/subject-reminders';
import { isWhistleStep } from '../policy/supervision';

/**
 * The payloads of the reminder and delivery jobs, and their parsers: a job whose data is not what a
 * worker can act on fails at once (UnrecoverableError, no retries) with the reason, and the worker
 * goes on with the next job.
 */
export type ReminderJob =
  | {
      /** A step of a gap chain, due by time. `revision`: the chain's when the step was scheduled (a chain behind it is not committed yet). */
      readonly kind: 'gap';
      readonly handoverId: string;
      readonly episode: number;
      readonly revision: number;
      readonly step: number;
    }
  | {
      /** Gaps that grew between steps; `after`: due at the end of the coalescing window after the reminder of that time (ISO-8601). */
      readonly kind: 'gap-update';
      readonly handoverId: string;
      readonly episode: number;
      readonly revision: number;
      readonly after?: string;
    }
  | { readonly kind: 'handover-recorded'; readonly handoverId: string }
  | { readonly kind: 'gaps-closed'; readonly handoverId: string; readonly episode: number; readonly revision: number }
  | { readonly kind: 'unanswered'; readonly handoverId: string; readonly effectiveOn: string; readonly daysBefore: number }
  | {
      readonly kind: 'certificate-expiry';
      readonly handoverId: string;
      readonly officerId: string;
      readonly expiresOn: string;
      readonly daysBefore: number;
    };

export interface DeliveryJob {
  readonly reminderId: string;
  readonly channel: OutsideChannel;
  /** The webhook URL, the e-mail address, or a robot's URL without its query (the credential stays in the configuration). */
  readonly recipient: string;
}

const OUTSIDE_CHANNELS: readonly string[] = DELIVERY_CHANNELS.filter((channel) => channel !== 'inbox');

export const SWEEPS = ['readiness', 'certificate-expiry', 'unanswered', 'activation'] as const;
export type SweepName = (typeof SWEEPS)[number];

export class MalformedJobError extends UnrecoverableError {
  constructor(queue: string, reason: string) {
    super(`malformed ${queue} job data: ${reason}`);
    this.name = 'MalformedJobError';
  }
}

type Fields = Record<string, unknown>;

function record(queue: string, data: unknown): Fields {
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new MalformedJobError(queue, `expected an object, got ${JSON.stringify(data)}`);
  return data as Fields;
}

function text(queue: string, data: Fields, field: string): string {
  const value = data[field];
  if (typeof value !== 'string' || value.trim() === '')
    throw new MalformedJobError(queue, `${field} must be a non-empty string (got ${JSON.stringify(value)})`);
  return value;
}

function whole(queue: string, data: Fields, field: string, min = 0): number {
  const value = data[field];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min)
    throw new MalformedJobError(queue, `${field} must be a whole number from ${min} (got ${JSON.stringify(value)})`);
  return value;
}

function date(queue: string, data: Fields, field: string): string {
  const value = data[field];
  if (!isValidDate(value)) throw new MalformedJobError(queue, `${field} must be a YYYY-MM-DD date (got ${JSON.stringify(value)})`);
  return value;
}

export function parseReminderJob(name: string, raw: unknown): ReminderJob {
  const queue = 'reminder';
  const data = record(queue, raw);
  const kind = data.kind;
  if (kind !== name) throw new MalformedJobError(queue, `kind ${JSON.stringify(kind)} does not match the job name "${name}"`);
  const handoverId = text(queue, data, 'handoverId');
  switch (kind) {
    case 'gap':
      return {
        kind,
        handoverId,
        episode: whole(queue, data, 'episode', 1),
        revision: whole(queue, data, 'revision', 1),
        step: whole(queue, data, 'step'),
      };
    case 'gap-update': {
      const after = data.after === undefined ? undefined : text(queue, data, 'after');
      if (after !== undefined && Number.isNaN(Date.parse(after)))
        throw new MalformedJobError(queue, `after must be an ISO-8601 time (got ${JSON.stringify(after)})`);
      const update = { kind, handoverId, episode: whole(queue, data, 'episode', 1), revision: whole(queue, data, 'revision', 1) };
      return after === undefined ? update : { ...update, after };
    }
    case 'handover-recorded':
      return { kind, handoverId };
    case 'gaps-closed':
      return { kind, handoverId, episode: whole(queue, data, 'episode', 1), revision: whole(queue, data, 'revision', 1) };
    case 'unanswered':
      return { kind, handoverId, effectiveOn: date(queue, data, 'effectiveOn'), daysBefore: whole(queue, data, 'daysBefore') };
    case 'certificate-expiry':
      return {
        kind,
        handoverId,
        officerId: text(queue, data, 'officerId'),
        expiresOn: date(queue, data, 'expiresOn'),
        daysBefore: whole(queue, data, 'daysBefore'),
      };
    default:
      throw new MalformedJobError(queue, `unknown kind ${JSON.stringify(kind)}`);
  }
}

const REQUEST_TYPES: readonly string[] = ['recall-request', 'task-admission'] satisfies RequestType[];
export const SUBJECT_JOB_KINDS: readonly string[] = ['decision-due', 'decision-made', 'supervision'] satisfies SubjectReminderJob['kind'][];

/** The job of a reminder about a request (see subject-reminders). */
export function parseSubjectReminderJob(name: string, raw: unknown): SubjectReminderJob {
  const queue = 'reminder';
  const data = record(queue, raw);
  const kind = data.kind;
  if (kind !== name) throw new MalformedJobError(queue, `kind ${JSON.stringify(kind)} does not match the job name "${name}"`);
  if (kind === 'supervision') {
    const step = data.step;
    if (!isWhistleStep(step)) throw new MalformedJobError(queue, `step must be a whistle step (got ${JSON.stringify(step)})`);
    const deadline = text(queue, data, 'deadline');
    if (Number.isNaN(Date.parse(deadline)))
      throw new MalformedJobError(queue, `deadline must be an ISO-8601 time (got ${JSON.stringify(deadline)})`);
    return {
      kind,
      whistleId: text(queue, data, 'whistleId'),
      streamId: text(queue, data, 'streamId'),
      step,
      deadline,
      round: whole(queue, data, 'round'),
    };
  }
  const subjectType = data.subjectType;
  if (typeof subjectType !== 'string' || !REQUEST_TYPES.includes(subjectType))
    throw new MalformedJobError(queue, `subjectType must be one of ${REQUEST_TYPES.join(', ')} (got ${JSON.stringify(subjectType)})`);
  const ref = {
    subjectType: subjectType as RequestType,
    subjectId: text(queue, data, 'subjectId'),
    streamId: text(queue, data, 'streamId'),
  };
  switch (kind) {
    case 'decision-due':
      return { kind, ...ref, step: whole(queue, data, 'step') };
    case 'decision-made':
      return { kind, ...ref };
    default:
      throw new MalformedJobError(queue, `unknown kind ${JSON.stringify(kind)}`);
  }
}

export function parseDeliveryJob(raw: unknown): DeliveryJob {
  const queue = 'delivery';
  const data = record(queue, raw);
  const channel = data.channel;
  if (typeof channel !== 'string' || !OUTSIDE_CHANNELS.includes(channel))
    throw new MalformedJobError(queue, `channel must be one of ${OUTSIDE_CHANNELS.join(', ')} (got ${JSON.stringify(channel)})`);
  return { reminderId: text(queue, data, 'reminderId'), channel: channel as OutsideChannel, recipient: text(queue, data, 'recipient') };
}

export function parseSweep(raw: unknown): SweepName {
  const data = record('sweep', raw);
  const sweep = data.sweep;
  if (typeof sweep !== 'string' || !(SWEEPS as readonly string[]).includes(sweep))
    throw new MalformedJobError('sweep', `unknown sweep ${JSON.stringify(sweep)}`);
  return sweep as SweepName;
}

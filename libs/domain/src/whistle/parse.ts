import { exhaustive } from '../decider';
import type { FieldError } from '../domain-error';
import { LABEL_MAX, LIST_MAX, TEXT_MAX } from '../limits';
import { parsedOr, type Result } from '../parsing';
import {
  checkAtMost,
  isRecord,
  optionalText,
  rejectDuplicates,
  requireBoolean,
  requireInstant,
  requireInteger,
  requireList,
  requireOneOf,
  requireText,
  type FieldErrors,
} from '../validation';
import type {
  AcceptWhistle,
  CountyActor,
  DecideExtension,
  DepartmentActor,
  DispatchWhistle,
  EvaluateWhistle,
  ObjectToWhistle,
  RaiseWhistle,
  RecordStepOverdue,
  ReopenWhistle,
  ReportArrival,
  RequestExtension,
  ResolveWhistle,
  SignOffWhistle,
  TownshipActor,
  WhistleCommand,
  WhistleRouting,
} from './commands';
import { WHISTLE_DUTY_CATEGORIES, WHISTLE_STEPS, WHISTLE_URGENCIES } from './state';

/** The township's score of a resolution. */
export const WHISTLE_SCORE_MIN = 1;
export const WHISTLE_SCORE_MAX = 5;

/**
 * The shape of each whistle command: required text within the limits, trimmed; the urgency, the score
 * (a whole number 1–5), booleans and instants. The rules that need the whistle (its status, who
 * may act, a deadline after the current one) are `decide`'s.
 */
export function parseWhistleCommand(command: WhistleCommand): Result<WhistleCommand, FieldError[]> {
  switch (command.type) {
    case 'RaiseWhistle':
      return parseRaiseWhistle(command.data);
    case 'SignOffWhistle':
      return parseSignOffWhistle(command.data);
    case 'DispatchWhistle':
      return parseDispatchWhistle(command.data);
    case 'AcceptWhistle':
      return parseAcceptWhistle(command.data);
    case 'ReportArrival':
      return parseReportArrival(command.data);
    case 'ResolveWhistle':
      return parseResolveWhistle(command.data);
    case 'ObjectToWhistle':
      return parseObjectToWhistle(command.data);
    case 'RequestExtension':
      return parseRequestExtension(command.data);
    case 'DecideExtension':
      return parseDecideExtension(command.data);
    case 'EvaluateWhistle':
      return parseEvaluateWhistle(command.data);
    case 'ReopenWhistle':
      return parseReopenWhistle(command.data);
    case 'RecordStepOverdue':
      return parseRecordStepOverdue(command.data);
    default:
      return exhaustive(command, 'whistle command');
  }
}

export function parseRaiseWhistle(input: unknown): Result<RaiseWhistle, FieldError[]> {
  const data = isRecord(input) ? input : {};
  const errors: FieldErrors = [];
  const whistleId = requireText(errors, 'whistleId', data.whistleId);
  const countyId = requireText(errors, 'countyId', data.countyId);
  const townshipId = requireText(errors, 'townshipId', data.townshipId);
  const title = requireText(errors, 'title', data.title, LABEL_MAX);
  const description = requireText(errors, 'description', data.description, TEXT_MAX);
  const dutyCode = optionalText(errors, 'dutyCode', data.dutyCode, LABEL_MAX);
  const dutyCategory =
    data.dutyCategory === undefined ? undefined : requireOneOf(errors, 'dutyCategory', data.dutyCategory, WHISTLE_DUTY_CATEGORIES);
  if (dutyCode !== undefined && dutyCategory === undefined) errors.push({ field: 'dutyCategory', message: 'is required with dutyCode' });
  const location = optionalText(errors, 'location', data.location, TEXT_MAX);
  const urgency = data.urgency === undefined ? 'normal' : requireOneOf(errors, 'urgency', data.urgency, WHISTLE_URGENCIES);
  const by = parseTownshipActor(errors, data.by);
  const routing = data.routing === undefined ? undefined : parseRouting(errors, data.routing);
  const acceptBy = data.acceptBy === undefined ? undefined : requireInstant(errors, 'acceptBy', data.acceptBy);
  return parsedOr(errors, {
    type: 'RaiseWhistle',
    data: {
      whistleId,
      countyId,
      townshipId,
      title,
      description,
      ...(dutyCode === undefined ? {} : { dutyCode }),
      ...(dutyCode === undefined || dutyCategory === undefined ? {} : { dutyCategory }),
      ...(location === undefined ? {} : { location }),
      urgency,
      by,
      ...(routing === undefined ? {} : { routing }),
      ...(acceptBy === undefined ? {} : { acceptBy }),
    },
  });
}

export function parseSignOffWhistle(input: unknown): Result<SignOffWhistle, FieldError[]> {
  const data = isRecord(input) ? input : {};
  const errors: FieldErrors = [];
  const by = parseTownshipActor(errors, data.by);
  const routing = parseRouting(errors, data.routing);
  const acceptBy = data.acceptBy === undefined ? undefined : requireInstant(errors, 'acceptBy', data.acceptBy);
  return parsedOr(errors, { type: 'SignOffWhistle', data: { by, routing, ...(acceptBy === undefined ? {} : { acceptBy }) } });
}

export function parseDispatchWhistle(input: unknown): Result<DispatchWhistle, FieldError[]> {
  const data = isRecord(input) ? input : {};
  const errors: FieldErrors = [];
  const by = parseCountyActor(errors, data.by);
  const department = requireText(errors, 'department', data.department, LABEL_MAX);
  const coDepartments = parseCoDepartments(errors, data.coDepartments, department);
  const acceptBy = requireInstant(errors, 'acceptBy', data.acceptBy);
  return parsedOr(errors, { type: 'DispatchWhistle', data: { by, department, coDepartments, acceptBy } });
}

export function parseAcceptWhistle(input: unknown): Result<AcceptWhistle, FieldError[]> {
  const data = isRecord(input) ? input : {};
  const errors: FieldErrors = [];
  const by = parseDepartmentActor(errors, data.by);
  const arriveBy = requireInstant(errors, 'arriveBy', data.arriveBy);
  return parsedOr(errors, { type: 'AcceptWhistle', data: { by, arriveBy } });
}

export function parseReportArrival(input: unknown): Result<ReportArrival, FieldError[]> {
  const data = isRecord(input) ? input : {};
  const errors: FieldErrors = [];
  const by = parseDepartmentActor(errors, data.by);
  const resolveBy = requireInstant(errors, 'resolveBy', data.resolveBy);
  return parsedOr(errors, { type: 'ReportArrival', data: { by, resolveBy } });
}

export function parseResolveWhistle(input: unknown): Result<ResolveWhistle, FieldError[]> {
  const data = isRecord(input) ? input : {};
  const errors: FieldErrors = [];
  const by = parseDepartmentActor(errors, data.by);
  const result = requireText(errors, 'result', data.result, TEXT_MAX);
  return parsedOr(errors, { type: 'ResolveWhistle', data: { by, result } });
}

export function parseObjectToWhistle(input: unknown): Result<ObjectToWhistle, FieldError[]> {
  const data = isRecord(input) ? input : {};
  const errors: FieldErrors = [];
  const by = parseDepartmentActor(errors, data.by);
  const reason = requireText(errors, 'reason', data.reason, TEXT_MAX);
  return parsedOr(errors, { type: 'ObjectToWhistle', data: { by, reason } });
}

export function parseRequestExtension(input: unknown): Result<RequestExtension, FieldError[]> {
  const data = isRecord(input) ? input : {};
  const errors: FieldErrors = [];
  const by = parseDepartmentActor(errors, data.by);
  const until = requireInstant(errors, 'until', data.until);
  const reason = requireText(errors, 'reason', data.reason, TEXT_MAX);
  return parsedOr(errors, { type: 'RequestExtension', data: { by, until, reason } });
}

export function parseDecideExtension(input: unknown): Result<DecideExtension, FieldError[]> {
  const data = isRecord(input) ? input : {};
  const errors: FieldErrors = [];
  const by = parseCountyActor(errors, data.by);
  const granted = requireBoolean(errors, 'granted', data.granted);
  const reason = requireText(errors, 'reason', data.reason, TEXT_MAX);
  return parsedOr(errors, { type: 'DecideExtension', data: { by, granted, reason } });
}

export function parseEvaluateWhistle(input: unknown): Result<EvaluateWhistle, FieldError[]> {
  const data = isRecord(input) ? input : {};
  const errors: FieldErrors = [];
  const by = parseTownshipActor(errors, data.by);
  const score = requireInteger(errors, 'score', data.score, WHISTLE_SCORE_MIN);
  checkAtMost(errors, 'score', data.score, WHISTLE_SCORE_MAX);
  const satisfied = requireBoolean(errors, 'satisfied', data.satisfied);
  const comment = optionalText(errors, 'comment', data.comment, TEXT_MAX);
  return parsedOr(errors, { type: 'EvaluateWhistle', data: { by, score, satisfied, ...(comment === undefined ? {} : { comment }) } });
}

export function parseReopenWhistle(input: unknown): Result<ReopenWhistle, FieldError[]> {
  const data = isRecord(input) ? input : {};
  const errors: FieldErrors = [];
  const by = parseTownshipActor(errors, data.by);
  const reason = requireText(errors, 'reason', data.reason, TEXT_MAX);
  const resolveBy = requireInstant(errors, 'resolveBy', data.resolveBy);
  return parsedOr(errors, { type: 'ReopenWhistle', data: { by, reason, resolveBy } });
}

export function parseRecordStepOverdue(input: unknown): Result<RecordStepOverdue, FieldError[]> {
  const data = isRecord(input) ? input : {};
  const errors: FieldErrors = [];
  const step = requireOneOf(errors, 'step', data.step, WHISTLE_STEPS);
  const deadline = requireInstant(errors, 'deadline', data.deadline);
  return parsedOr(errors, { type: 'RecordStepOverdue', data: { step, deadline } });
}

function parseTownshipActor(errors: FieldErrors, value: unknown): TownshipActor {
  const by = isRecord(value) ? value : {};
  return {
    username: requireText(errors, 'by.username', by.username),
    townshipId: requireText(errors, 'by.townshipId', by.townshipId),
    head: requireBoolean(errors, 'by.head', by.head),
  };
}

function parseDepartmentActor(errors: FieldErrors, value: unknown): DepartmentActor {
  const by = isRecord(value) ? value : {};
  return {
    username: requireText(errors, 'by.username', by.username),
    department: requireText(errors, 'by.department', by.department, LABEL_MAX),
  };
}

function parseCountyActor(errors: FieldErrors, value: unknown): CountyActor {
  const by = isRecord(value) ? value : {};
  return { username: requireText(errors, 'by.username', by.username) };
}

function parseRouting(errors: FieldErrors, value: unknown): WhistleRouting {
  if (!isRecord(value)) {
    errors.push({ field: 'routing', message: 'must be an object { department?, coDepartments }' });
    return { coDepartments: [] };
  }
  const department = optionalText(errors, 'routing.department', value.department, LABEL_MAX);
  const coDepartments = parseCoDepartments(errors, value.coDepartments, department, 'routing.coDepartments');
  return department === undefined ? { coDepartments } : { department, coDepartments };
}

/** Distinct co-handlers, none of them the lead department. */
function parseCoDepartments(errors: FieldErrors, value: unknown, lead: string | undefined, field = 'coDepartments'): string[] {
  const coDepartments = requireList(errors, field, value, true, LIST_MAX).map((entry, index) =>
    requireText(errors, `${field}[${index}]`, entry, LABEL_MAX),
  );
  rejectDuplicates(errors, (index) => `${field}[${index}]`, coDepartments, 'department');
  coDepartments.forEach((department, index) => {
    if (lead !== undefined && department === lead)
      errors.push({ field: `${field}[${index}]`, message: 'must not be the lead department', code: 'duplicate' });
  });
  return coDepartments;
}

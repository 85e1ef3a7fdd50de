/**
 * The shapes of the public HTTP API (/api/v1): named aliases of the types generated from the server's
 * OpenAPI document (openapi.d.ts, regenerated on every web build), so a server DTO the web app no
 * longer matches fails the web's type-check.
 */
import type { RaisedWhistle } from '@domain/whistle/state';
import type { components } from './openapi';

type Schemas = components['schemas'];

/** The county's settings (GET /config): what the server applies, shown and checked against in the browser. */
export type CountyConfig = Schemas['CountyConfigDto'];

export type Role = Schemas['Role'];
export type User = Schemas['UserDto'];
/** Who is signed in, as kept in the browser's session storage. */
export type SessionUser = Omit<User, 'id' | 'disabled'>;
export type LoginResponse = Schemas['LoginResponseDto'];

export type PowerCategory = Schemas['PowerCategory'];
export type EquipmentLine = Schemas['EquipmentLineDto'];
export type TrainingRequirement = Schemas['TrainingRequirementDto'];
export type Requirements = Schemas['RequirementsDto'];
export type Power = Schemas['PowerDto'];
export type RegisterPower = Schemas['RegisterPowerDto'];

export type Officer = Schemas['OfficerDto'];
export type TrainingRecord = Schemas['TrainingRecordDto'];
export type Team = Schemas['TeamDto'];
export type AddOfficer = Schemas['AddOfficerDto'];
export type AddOfficerResponse = Schemas['AddOfficerResponseDto'];
export type RecordTraining = Schemas['RecordTrainingDto'];
export type RecordTrainingResponse = Schemas['RecordTrainingResponseDto'];

export type Township = Schemas['TownshipDto'];
export type ChangeRole = Schemas['ChangeRoleDto'];

/** The county's vocabularies: equipment kinds and training courses, each term a code records carry and a name people see. */
export type Vocabulary = Schemas['Vocabulary'];
export type VocabularyTerm = Schemas['VocabularyTermDto'];
export type VocabularyList = Schemas['VocabularyDto'];
export type Vocabularies = Schemas['VocabulariesDto'];
/** Where the system admin's browser opens the queue dashboard, once it holds the short-lived cookie. */
export type AdminQueuesSession = Schemas['AdminQueuesSessionDto'];
export type County = Schemas['CountyDto'];

export type CommittedOfficer = Schemas['CommittedOfficerDto'];
export type CommittedTraining = Schemas['CommittedTrainingDto'];
export type Commitments = Schemas['CommitmentsDto'];
export type GapResource = Schemas['GapResource'];
export type Gap = Schemas['GapDto'];
export type Readiness = Schemas['ReadinessDto'];
export type HandoverStatus = Schemas['HandoverStatus'];
export type HandoverMode = Schemas['HandoverMode'];
export type Handover = Schemas['HandoverDto'];
export type HandoverPage = Schemas['HandoverListDto'];
export type RecordHandover = Schemas['RecordHandoverDto'];
export type HistoryEntry = Schemas['HistoryEntryDto'];

export type ReminderKind = Schemas['ReminderKind'];
export type InboxItem = Schemas['InboxItemDto'];
export type MarkedRead = Schemas['MarkedReadDto'];
export type Delivery = Schemas['DeliveryDto'];
/** A reminder of a handover with its deliveries (GET /handovers/:id/reminders). */
export type HandoverReminder = Schemas['HandoverReminderDto'];

export type DutyCategory = Schemas['DutyCategory'];
export type DutyDomain = Schemas['DutyDomain'];
/** An entry of the county's duty catalogue (GET /duties/:code). */
export type Duty = Schemas['DutyDto'];
export type RegisterDuty = Schemas['RegisterDutyDto'];
export type ReviseDuty = Schemas['DutyFieldsDto'];
export type DutyPage = Schemas['DutyPageDto'];
/** One item of a township's list: a catalogue duty, or a handover / admitted task the ledger puts there. */
export type DutyListItem = Schemas['ListedDutyDto'];
/** GET /townships/:townshipId/duty-list: the working draft. */
export type DutyList = Schemas['DutyListDto'];
export type SetDutyListItem = Schemas['SetDutyListItemDto'];
export type PublishDutyList = Schemas['PublishDutyListDto'];
export type DutyListChanges = Schemas['DutyListChangesDto'];
/** What POST …/publications answers: the new version and its changes. */
export type DutyListPublication = Schemas['DutyListPublicationDto'];
/** A published version with its items (GET …/publications). */
export type DutyListVersion = Schemas['DutyListVersionDto'];
/** POST /duties/import (200, also with ?dryRun=true): how the sheet's rows compare with the catalogue. */
export type DutyImportReport = Schemas['ImportReportDto'];
/** POST /usage/import: the same report (created: a month's first figure, updated: another figure, unchanged: the same). */
export type UsageImportReport = Schemas['ImportReportDto'];
/** POST /handovers/:id/usage (200): the figure standing for the month. */
export type Usage = Schemas['UsageDto'];
/** GET /handovers/:id/usage: the months with their standing figures, oldest first. */
export type UsageMonths = Schemas['UsageMonthsDto'];

// The enumerations the web app iterates over, checked against the generated unions both ways.
export { POWER_CATEGORIES } from '@domain/resources';
export { DUTY_CATEGORIES, DUTY_DOMAINS } from '@domain/duty/terms';
export const HANDOVER_STATUSES = ['recorded', 'accepted', 'contested', 'active', 'revoked'] as const satisfies readonly HandoverStatus[];
type Exhaustive<All, Listed> = [All] extends [Listed] ? true : never;
const handoverStatusesListed: Exhaustive<HandoverStatus, (typeof HANDOVER_STATUSES)[number]> = true;
void handoverStatusesListed;

/** The problem+json error shape (RFC 9457) every refusal has (API.md: "Errors"). */
export type FieldError = Schemas['FieldErrorDto'];

export interface ProblemDetails {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  /** Each with a stable `code` the web app translates; `message` is English, for people reading the raw answer. */
  errors?: FieldError[];
  gaps?: Gap[];
  /** Stable machine code of the refusal (the slug of `type`): what the web app translates. */
  code?: string;
  [extension: string]: unknown;
}

/** 公示: the latest published version of a township's duty list (GET /public/townships/:id/duty-list, no token). */
export type PublicDutyList = Schemas['PublicDutyListDto'];
export type PublicDutyItem = Schemas['PublicDutyItemDto'];
export type PublicDutyCategory = Schemas['PublicDutyCategory'];

/** Dynamic adjustment: recall requests (申请收回) and task admissions (事项准入), both decided by the county office. */
export type RecallStatus = Schemas['RecallStatus'];
export type RecallRequest = Schemas['RecallRequestDto'];
export type FileRecallRequest = Schemas['FileRecallRequestDto'];
export type RecallDecision = Schemas['RecallDecisionDto'];
export type AdmissionStatus = Schemas['AdmissionStatus'];
export type TaskAdmission = Schemas['TaskAdmissionDto'];
export type FileTaskAdmission = Schemas['FileTaskAdmissionDto'];
export type TaskMeans = Schemas['TaskMeansDto'];
export type AdmissionDecision = Schemas['TaskAdmissionDecisionDto'];

/**
 * A whistle (吹哨报到). The API documents its nested records as plain objects; their shapes are the
 * domain's own (`RaisedWhistle`), so they are taken from there.
 */
export type Whistle = Omit<Schemas['WhistleDto'], 'signedOff' | 'evaluation' | 'extensionRequest' | 'reopening' | 'objections'> &
  Pick<RaisedWhistle, 'signedOff' | 'evaluation' | 'extensionRequest' | 'reopening' | 'objections'>;
export type WhistleStatus = Schemas['WhistleStatus'];
export type WhistleUrgency = Schemas['WhistleUrgency'];
export type WhistleDue = Schemas['WhistleDueDto'];
export type WhistlePage = Omit<Schemas['WhistleListDto'], 'items'> & { items: Whistle[] };
export type RaiseWhistle = Schemas['RaiseWhistleDto'];
export type DispatchWhistle = Schemas['DispatchWhistleDto'];
export type EvaluateWhistle = Schemas['EvaluateWhistleDto'];
export type RequestExtension = Schemas['RequestExtensionDto'];
export type DecideExtension = Schemas['DecideExtensionDto'];
export type DepartmentAssessment = Schemas['DepartmentAssessmentDto'];

export type HandoverBatchRequest = Schemas['HandoverBatchDto'];
export type HandoverBatchPlan = Schemas['HandoverBatchPlanDto'];
export type Shortfall = Schemas['ShortfallDto'];
/** The forecast's openings are a union of two shapes by `reason`: the domain's own type says which fields each has. */
export type { Forecast, ForecastOpening, ScheduledTrainingClosing } from '@domain/evaluation/forecast';
/** Evaluation (放得下、接得住、管得好、有监督), replayed from the log by the server (GET /evaluations). */
export type PeriodEvaluation = Schemas['PeriodEvaluationDto'];
export type HandoverEvaluation = Schemas['HandoverEvaluationDto'];
export type EvaluationFlag = HandoverEvaluation['flags'][number];
export type TownshipTotals = Schemas['TownshipTotalsDto'];
export type DepartmentTotals = Schemas['DepartmentTotalsDto'];
export type ReadinessPoint = Schemas['ReadinessPointDto'];
/** As-of evidence (容错免责): a township's record at the end of a day (GET /townships/:id/as-of). */
export type AsOfEvidence = Schemas['AsOfEvidenceDto'];
export type AsOfHandover = Schemas['AsOfHandoverDto'];
export type AsOfReminder = Schemas['AsOfReminderDto'];

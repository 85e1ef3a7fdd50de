/** The shapes of the public HTTP API (/api/v1), as documented in API.md and the OpenAPI document. */

export type Role = 'admin' | 'county_admin' | 'department' | 'township' | 'auditor';

export interface SessionUser {
  username: string;
  role: Role;
  countyId: string | null;
  townshipId: string | null;
  department: string | null;
  head: boolean;
}

export interface LoginResponse {
  accessToken: string;
  user: { username: string; role: Role; countyId?: string | null; townshipId?: string | null };
}

// The value types the HTTP contract shares with the domain, from the one place that defines them.
export { POWER_CATEGORIES } from '@domain/resources';
export type {
  PowerCategory,
  EquipmentLine,
  TrainingRequirement,
  Requirements,
  CommittedOfficer,
  CommittedTraining,
} from '@domain/resources';
import type { PowerCategory, EquipmentLine, Requirements, CommittedOfficer, CommittedTraining } from '@domain/resources';
import type { Officer, TrainingRecord } from '@domain/team/state';
export type { Officer, TrainingRecord } from '@domain/team/state';

export interface Power {
  code: string;
  name: string;
  category: PowerCategory;
  legalBasis: string;
  department: string;
  requirements: Requirements;
  version: number;
}

export interface Team {
  id: string;
  countyId: string;
  townshipId: string;
  townshipName: string;
  officers: Officer[];
  equipment: EquipmentLine[];
  training: TrainingRecord[];
  version: number;
}

export interface Township {
  id: string;
  name: string;
  countyId: string;
  teamId: string;
}

export interface County {
  id: string;
  name: string;
}

export interface Commitments {
  officers?: CommittedOfficer[];
  equipment?: EquipmentLine[];
  training?: CommittedTraining[];
  budgetYuan?: number;
}

export type GapResource = 'officers' | 'training' | 'equipment';

export interface Gap {
  resource: GapResource;
  item: string;
  required: number;
  available: number;
  missing: number;
  responsible: string;
}

export interface Readiness {
  ready: boolean;
  gaps: Gap[];
}

export const HANDOVER_STATUSES = ['recorded', 'accepted', 'contested', 'active', 'revoked'] as const;
export type HandoverStatus = (typeof HANDOVER_STATUSES)[number];
export type HandoverMode = 'transfer' | 'entrustment';

export interface Handover {
  id: string;
  countyId: string;
  powerCode: string;
  powerName: string | null;
  teamId: string;
  townshipId: string;
  townshipName: string | null;
  department: string;
  status: HandoverStatus;
  mode: HandoverMode;
  instrument: string;
  effectiveOn: string;
  endsOn: string | null;
  committed: Commitments;
  readiness: Readiness;
  version: number;
  recordedAt: string;
  updatedAt: string;
}

export interface HandoverPage {
  items: Handover[];
  total: number;
}

export interface HistoryEntry {
  type: string;
  version: number;
  occurredAt: string;
  actor: string;
  data: Record<string, unknown>;
}

export type ReminderKind = 'gap' | 'unanswered' | 'certificate-expiry' | 'gaps-closed' | 'handover-recorded';

export interface InboxItem {
  id: string;
  handoverId: string | null;
  kind: ReminderKind | string;
  gaps?: Gap[];
  step: number;
  createdAt: string;
  readAt: string | null;
  [extra: string]: unknown;
}

export interface Delivery {
  channel: string;
  status: string;
  attempts: number;
  [extra: string]: unknown;
}

/** A reminder of a handover with its deliveries (GET /handovers/:id/reminders). */
export interface HandoverReminder {
  id?: string;
  reminderId?: string;
  kind?: string;
  step?: number;
  recipients?: string[];
  createdAt?: string;
  sentAt?: string;
  deliveries?: Delivery[];
  [extra: string]: unknown;
}

export interface FieldError {
  field: string;
  message: string;
}

export interface ProblemDetails {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
  gaps?: Gap[];
  code?: string;
  [extension: string]: unknown;
}

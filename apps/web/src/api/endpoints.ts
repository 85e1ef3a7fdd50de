import { http } from './http';
import type {
  Commitments,
  County,
  EquipmentLine,
  Handover,
  HandoverMode,
  HandoverPage,
  HandoverReminder,
  HandoverStatus,
  HistoryEntry,
  InboxItem,
  LoginResponse,
  Power,
  PowerCategory,
  Requirements,
  SessionUser,
  Team,
  Township,
} from './types';

/** Every call the web app makes: only the public HTTP API. */
export const api = {
  login: (username: string, password: string) => http.post<LoginResponse>('/auth/login', { username, password }, { anonymous: true }),
  me: () => http.get<SessionUser & { id: string }>('/me'),

  counties: () => http.get<County[]>('/counties'),
  townships: (countyId: string) => http.get<Township[]>(`/counties/${countyId}/townships`),

  powers: () => http.get<Power[]>('/powers'),
  power: (code: string) => http.get<Power>(`/powers/${encodeURIComponent(code)}`),
  registerPower: (body: {
    code: string;
    name: string;
    category: PowerCategory;
    legalBasis: string;
    department: string;
    requirements: Requirements;
  }) => http.post<Power>('/powers', body),
  reviseRequirements: (code: string, requirements: Requirements, version: number) =>
    http.put<Power>(`/powers/${encodeURIComponent(code)}/requirements`, { requirements }, { ifMatch: version }),

  team: (teamId: string) => http.get<Team>(`/teams/${teamId}`),
  addOfficer: (
    teamId: string,
    body: { name: string; certificateNumber: string; certificateExpiresOn: string; secondedFrom?: string },
    version?: number,
  ) => http.post<{ officerId: string; version: number }>(`/teams/${teamId}/officers`, body, { ifMatch: version }),
  removeOfficer: (teamId: string, officerId: string, version?: number) =>
    http.delete<Team>(`/teams/${teamId}/officers/${officerId}`, { ifMatch: version }),
  receiveEquipment: (teamId: string, body: EquipmentLine, version?: number) =>
    http.post<Team>(`/teams/${teamId}/equipment`, body, { ifMatch: version }),
  writeOffEquipment: (teamId: string, body: EquipmentLine & { reason: string }, version?: number) =>
    http.post<Team>(`/teams/${teamId}/equipment/write-offs`, body, { ifMatch: version }),
  recordTraining: (teamId: string, body: { officerId: string; course: string; hours: number; completedOn: string }, version?: number) =>
    http.post<{ trainingId: string; version: number }>(`/teams/${teamId}/training`, body, { ifMatch: version }),

  handovers: (query: { status?: HandoverStatus; teamId?: string; ready?: boolean; page?: number; pageSize?: number }) =>
    http.get<HandoverPage>('/handovers', { query }),
  handover: (id: string) => http.get<Handover>(`/handovers/${id}`),
  history: (id: string) => http.get<HistoryEntry[]>(`/handovers/${id}/history`),
  reminders: (id: string) => http.get<HandoverReminder[] | { items: HandoverReminder[] }>(`/handovers/${id}/reminders`),
  recordHandover: (body: {
    powerCode: string;
    teamId: string;
    mode: HandoverMode;
    instrument: string;
    effectiveOn: string;
    endsOn?: string;
    committed?: Commitments;
  }) => http.post<Handover>('/handovers', body),
  // Answers and recalls are state transitions the API checks itself (status, readiness): no If-Match,
  // since the reminders appended to a handover move its version without changing what is decided.
  accept: (id: string, body: { conditional?: boolean; reason?: string }) => http.post<Handover>(`/handovers/${id}/acceptance`, body),
  contest: (id: string, reason: string) => http.post<Handover>(`/handovers/${id}/contest`, { reason }),
  amend: (id: string, committed: Commitments, version: number) =>
    http.put<Handover>(`/handovers/${id}/committed`, { committed }, { ifMatch: version }),
  revoke: (id: string, reason: string) => http.post<Handover>(`/handovers/${id}/revocation`, { reason }),

  inbox: () => http.get<InboxItem[] | { items: InboxItem[] }>('/inbox'),
  markRead: (id: string) => http.post<unknown>(`/inbox/${id}/read`),
};

/** Every handover of the caller's scope, fetched page by page (the dashboard's source). */
export async function allHandovers(query: { status?: HandoverStatus; teamId?: string } = {}): Promise<Handover[]> {
  const pageSize = 100;
  const items: Handover[] = [];
  for (let page = 1; ; page += 1) {
    const result = await api.handovers({ ...query, page, pageSize });
    items.push(...result.items);
    if (result.items.length < pageSize || items.length >= result.total) return items;
  }
}

/** Lists that may come bare or wrapped as `{ items }`. */
export function itemsOf<T>(value: T[] | { items: T[] } | null | undefined): T[] {
  if (Array.isArray(value)) return value;
  return value?.items ?? [];
}

import { API_BASE, download, http } from './http';
import type {
  Duty,
  DutyImportReport,
  Usage,
  UsageImportReport,
  UsageMonths,
  DutyList,
  DutyListPublication,
  DutyListVersion,
  DutyPage,
  RegisterDuty,
  ReviseDuty,
  SetDutyListItem,
  AddOfficer,
  AdminQueuesSession,
  AddOfficerResponse,
  Commitments,
  County,
  CountyConfig,
  EquipmentLine,
  Handover,
  HandoverPage,
  HandoverReminder,
  HandoverStatus,
  HistoryEntry,
  InboxItem,
  LoginResponse,
  MarkedRead,
  Power,
  RecordHandover,
  RecordTraining,
  RecordTrainingResponse,
  RegisterPower,
  Requirements,
  Team,
  Township,
  User,
  Vocabularies,
  Vocabulary,
  VocabularyList,
} from './types';

/** Every call the web app makes: only the public HTTP API. */
export const api = {
  login: (username: string, password: string) => http.post<LoginResponse>('/auth/login', { username, password }, { anonymous: true }),
  me: () => http.get<User>('/me'),
  config: () => http.get<CountyConfig>('/config'),

  counties: () => http.get<County[]>('/counties'),
  townships: (countyId: string) => http.get<Township[]>(`/counties/${countyId}/townships`),

  powers: () => http.get<Power[]>('/powers'),
  power: (code: string) => http.get<Power>(`/powers/${encodeURIComponent(code)}`),
  registerPower: (body: RegisterPower) => http.post<Power>('/powers', body),
  reviseRequirements: (code: string, requirements: Requirements, version: number) =>
    http.put<Power>(`/powers/${encodeURIComponent(code)}/requirements`, { requirements }, { ifMatch: version }),

  team: (teamId: string) => http.get<Team>(`/teams/${teamId}`),
  addOfficer: (teamId: string, body: AddOfficer, version?: number) =>
    http.post<AddOfficerResponse>(`/teams/${teamId}/officers`, body, { ifMatch: version }),
  removeOfficer: (teamId: string, officerId: string, reason: string, version?: number) =>
    http.delete<Team>(`/teams/${teamId}/officers/${officerId}`, { ifMatch: version, body: { reason } }),
  receiveEquipment: (teamId: string, body: EquipmentLine, version?: number) =>
    http.post<Team>(`/teams/${teamId}/equipment`, body, { ifMatch: version }),
  writeOffEquipment: (teamId: string, body: EquipmentLine & { reason: string }, version?: number) =>
    http.post<Team>(`/teams/${teamId}/equipment/write-offs`, body, { ifMatch: version }),
  recordTraining: (teamId: string, body: RecordTraining, version?: number) =>
    http.post<RecordTrainingResponse>(`/teams/${teamId}/training`, body, { ifMatch: version }),

  handovers: (query: { status?: HandoverStatus; teamId?: string; ready?: boolean; page?: number; pageSize?: number }) =>
    http.get<HandoverPage>('/handovers', { query }),
  handover: (id: string) => http.get<Handover>(`/handovers/${id}`),
  history: (id: string) => http.get<HistoryEntry[]>(`/handovers/${id}/history`),
  reminders: (id: string) => http.get<HandoverReminder[]>(`/handovers/${id}/reminders`),
  recordHandover: (body: RecordHandover) => http.post<Handover>('/handovers', body),
  // Answers and recalls are state transitions the API checks itself (status, readiness): no If-Match,
  // since the reminders appended to a handover move its version without changing what is decided.
  accept: (id: string, body: { conditional?: boolean; reason?: string }) => http.post<Handover>(`/handovers/${id}/acceptance`, body),
  contest: (id: string, reason: string) => http.post<Handover>(`/handovers/${id}/contest`, { reason }),
  amend: (id: string, committed: Commitments, version: number) =>
    http.put<Handover>(`/handovers/${id}/committed`, { committed }, { ifMatch: version }),
  revoke: (id: string, reason: string) => http.post<Handover>(`/handovers/${id}/revocation`, { reason }),

  inbox: () => http.get<InboxItem[]>('/inbox'),
  unreadInbox: () => http.get<InboxItem[]>('/inbox', { query: { unread: true } }),
  markRead: (id: string) => http.post<InboxItem>(`/inbox/${id}/read`),
  markAllRead: () => http.post<MarkedRead>('/inbox/read'),

  vocabularies: () => http.get<Vocabularies>('/vocabularies'),
  addTerm: (vocabulary: Vocabulary, code: string, name: string) => http.post<VocabularyList>(`/vocabularies/${vocabulary}`, { code, name }),
  renameTerm: (vocabulary: Vocabulary, code: string, name: string, version: number) =>
    http.put<VocabularyList>(`/vocabularies/${vocabulary}/${encodeURIComponent(code)}`, { name }, { ifMatch: version }),

  duties: (query: { q?: string; domain?: string; page?: number; pageSize?: number }) => http.get<DutyPage>('/duties', { query }),
  registerDuty: (body: RegisterDuty) => http.post<Duty>('/duties', body),
  reviseDuty: (code: string, body: ReviseDuty, version: number) =>
    http.put<Duty>(`/duties/${encodeURIComponent(code)}`, body, { ifMatch: version }),
  importDuties: (file: File, dryRun: boolean) =>
    http.upload<DutyImportReport>('/duties/import', file, { query: { dryRun: dryRun || undefined } }),
  downloadDutyTemplate: () => download('/duties/import-template.xlsx', '职责事项导入模板.xlsx'),
  exportDuties: () => download('/duties/export.xlsx', '职责目录.xlsx'),

  usage: (handoverId: string) => http.get<UsageMonths>(`/handovers/${handoverId}/usage`),
  recordUsage: (handoverId: string, body: { month: string; cases: number }) => http.post<Usage>(`/handovers/${handoverId}/usage`, body),
  importUsage: (file: File, dryRun: boolean) =>
    http.upload<UsageImportReport>('/usage/import', file, { query: { dryRun: dryRun || undefined } }),
  downloadUsageTemplate: () => download('/usage/import-template.xlsx', '办件量导入模板.xlsx'),
  exportUsage: (range: { from?: string; to?: string }) => {
    const query = new URLSearchParams(Object.entries(range).filter((entry): entry is [string, string] => entry[1] !== undefined));
    const suffix = query.size > 0 ? `?${query.toString()}` : '';
    return download(`/usage/export.xlsx${suffix}`, '办件量.xlsx');
  },

  dutyList: (townshipId: string) => http.get<DutyList>(`/townships/${townshipId}/duty-list`),
  // The list's writes carry the version of the draft they were made on: a draft changed meanwhile is a 409.
  setDutyListItem: (townshipId: string, dutyCode: string, body: SetDutyListItem, version: number) =>
    http.put<DutyList>(`/townships/${townshipId}/duty-list/items/${encodeURIComponent(dutyCode)}`, body, { ifMatch: version }),
  removeDutyListItem: (townshipId: string, dutyCode: string, version: number) =>
    http.delete<DutyList>(`/townships/${townshipId}/duty-list/items/${encodeURIComponent(dutyCode)}`, { ifMatch: version }),
  compileDutyList: (townshipId: string, version: number) =>
    http.post<DutyList>(`/townships/${townshipId}/duty-list/compile`, {}, { ifMatch: version }),
  publishDutyList: (townshipId: string, body: { decisionRef: string; note?: string }, version: number) =>
    http.post<DutyListPublication>(`/townships/${townshipId}/duty-list/publications`, body, { ifMatch: version }),
  dutyListPublications: (townshipId: string) => http.get<DutyListVersion[]>(`/townships/${townshipId}/duty-list/publications`),
  exportDutyList: (townshipId: string, filename: string) => download(`/townships/${townshipId}/duty-list/export.xlsx`, filename),

  queuesSession: () => http.post<AdminQueuesSession>('/admin/queues/session'),
};

/** Every item of a paged list, fetched a hundred at a time. */
export async function allPages<T>(
  fetchPage: (paging: { page: number; pageSize: number }) => Promise<{ items: T[]; total: number }>,
): Promise<T[]> {
  const pageSize = 100;
  const items: T[] = [];
  for (let page = 1; ; page += 1) {
    const result = await fetchPage({ page, pageSize });
    items.push(...result.items);
    if (result.items.length < pageSize || items.length >= result.total) return items;
  }
}

/** Every handover of the caller's scope (the dashboard's source). */
export function allHandovers(query: { status?: HandoverStatus; teamId?: string } = {}): Promise<Handover[]> {
  return allPages((paging) => api.handovers({ ...query, ...paging }));
}

/** The QR code of a township's public list page (no token: an image the browser loads by its address). */
export function dutyListQrUrl(townshipId: string, format: 'svg' | 'png' = 'svg'): string {
  return `${API_BASE}/public/townships/${encodeURIComponent(townshipId)}/duty-list/qr.${format}`;
}

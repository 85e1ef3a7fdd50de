import { allPages } from './endpoints';
import { download, http } from './http';
import type {
  DecideExtension,
  DepartmentAssessment,
  DispatchWhistle,
  EvaluateWhistle,
  HistoryEntry,
  RaiseWhistle,
  RequestExtension,
  Whistle,
  WhistlePage,
  WhistleStatus,
} from './types';

export interface WhistleQuery {
  status?: WhistleStatus;
  department?: string;
  townshipId?: string;
  overdue?: boolean;
  page?: number;
  pageSize?: number;
}

/** A period of days in the county's time zone, `YYYY-MM-DD` both ends. */
export interface Period {
  from: string;
  to: string;
}

// The steps are transitions the API checks itself (status, lead department): no If-Match, since
// supervision appends to a whistle without changing what the next step is.
const step = (id: string, action: string, body: object = {}) => http.post<Whistle>(`/whistles/${id}/${action}`, body);

/** 吹哨报到 and the departments' assessment: only the public HTTP API. */
export const whistleApi = {
  list: (query: WhistleQuery) => http.get<WhistlePage>('/whistles', { query: { ...query } }),
  get: (id: string) => http.get<Whistle>(`/whistles/${id}`),
  history: (id: string) => http.get<HistoryEntry[]>(`/whistles/${id}/history`),
  raise: (body: RaiseWhistle) => http.post<Whistle>('/whistles', body),
  signOff: (id: string) => step(id, 'sign-off'),
  dispatch: (id: string, body: DispatchWhistle) => step(id, 'dispatch', body),
  accept: (id: string) => step(id, 'acceptance'),
  arrive: (id: string) => step(id, 'arrival'),
  resolve: (id: string, result: string) => step(id, 'resolution', { result }),
  object: (id: string, reason: string) => step(id, 'objection', { reason }),
  requestExtension: (id: string, body: RequestExtension) => step(id, 'extension', body),
  decideExtension: (id: string, body: DecideExtension) => step(id, 'extension/decision', body),
  evaluate: (id: string, body: EvaluateWhistle) => step(id, 'evaluation', body),
  reopen: (id: string, reason: string) => step(id, 'reopen', { reason }),

  assessment: (period: Period) => http.get<DepartmentAssessment[]>('/assessments/departments', { query: { ...period } }),
  /** Saves the assessment of the period as a spreadsheet. */
  saveAssessmentSheet: (period: Period) =>
    download(
      `/assessments/departments/export.xlsx?${new URLSearchParams({ ...period }).toString()}`,
      `部门考核-${period.from}-${period.to}.xlsx`,
    ),
};

/** Every whistle of a query (the boards and the queue show them all, nearest deadline first). */
export function allWhistles(query: WhistleQuery = {}): Promise<Whistle[]> {
  return allPages((paging) => whistleApi.list({ ...query, ...paging }));
}

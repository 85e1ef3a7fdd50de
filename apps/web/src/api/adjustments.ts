import { http } from './http';
import type {
  AdmissionDecision,
  AdmissionStatus,
  FileRecallRequest,
  FileTaskAdmission,
  RecallDecision,
  RecallRequest,
  RecallStatus,
  TaskAdmission,
} from './types';

/** Dynamic adjustment: recall requests and task admissions, filed and decided. */
export const adjustmentsApi = {
  recallRequests: (query: { status?: RecallStatus; townshipId?: string } = {}) => http.get<RecallRequest[]>('/recall-requests', { query }),
  fileRecall: (body: FileRecallRequest) => http.post<RecallRequest>('/recall-requests', body),
  decideRecall: (id: string, body: RecallDecision) => http.post<RecallRequest>(`/recall-requests/${id}/decision`, body),

  admissions: (query: { status?: AdmissionStatus; townshipId?: string } = {}) => http.get<TaskAdmission[]>('/task-admissions', { query }),
  fileAdmission: (body: FileTaskAdmission) => http.post<TaskAdmission>('/task-admissions', body),
  decideAdmission: (id: string, body: AdmissionDecision) => http.post<TaskAdmission>(`/task-admissions/${id}/decision`, body),
};

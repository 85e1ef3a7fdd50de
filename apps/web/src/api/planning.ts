import { download, http } from './http';
import type { Forecast, HandoverBatchPlan, HandoverBatchRequest } from './types';

/** The batch planner (成熟一批、赋予一批) and the gap forecast: questions, nothing written. */
export const planningApi = {
  plan: (body: HandoverBatchRequest) => http.post<HandoverBatchPlan>('/plans/handover-batch', body),
  /** Saves the plan as a spreadsheet (可赋予, 暂不具备, 缺口合计). */
  savePlanSheet: (body: HandoverBatchRequest) =>
    download('/plans/handover-batch/export.xlsx', `批量赋权评估-${body.effectiveOn}.xlsx`, body),
  forecast: (months: number) => http.get<Forecast>('/forecast', { query: { months } }),
  saveForecastSheet: (months: number, from: string) => download(`/forecast/export.xlsx?months=${months}`, `缺口预测-${from}.xlsx`),
};

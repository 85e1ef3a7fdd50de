import { download, http } from './http';
import type { AsOfEvidence, PeriodEvaluation } from './types';

/** What GET /evaluations reads: a period of days (`YYYY-MM-DD`, both ends), optionally one township or one power. */
export interface EvaluationQuery {
  from: string;
  to: string;
  townshipId?: string;
  powerCode?: string;
}

function searchOf(query: EvaluationQuery): string {
  const params = new URLSearchParams({ from: query.from, to: query.to });
  if (query.townshipId) params.set('townshipId', query.townshipId);
  if (query.powerCode) params.set('powerCode', query.powerCode);
  return params.toString();
}

/** The evaluation of a period and the as-of evidence of a township: only the public HTTP API. */
export const evaluationApi = {
  period: (query: EvaluationQuery) => http.get<PeriodEvaluation>('/evaluations', { query: { ...query } }),
  /** Saves the evaluation of the period (every sheet: handovers, townships, departments…) as a workbook. */
  savePeriodSheet: (query: EvaluationQuery) =>
    download(`/evaluations/export.xlsx?${searchOf(query)}`, `执法放权评估-${query.from}至${query.to}.xlsx`),
  asOf: (townshipId: string, date: string) =>
    http.get<AsOfEvidence>(`/townships/${encodeURIComponent(townshipId)}/as-of`, { query: { date } }),
  saveAsOfSheet: (townshipId: string, date: string, townshipName: string) =>
    download(
      `/townships/${encodeURIComponent(townshipId)}/as-of/export.xlsx?${new URLSearchParams({ date }).toString()}`,
      `履职情况证明-${townshipName}-${date}.xlsx`,
    ),
};

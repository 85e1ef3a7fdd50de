import type { Handover, RecallRequest, TaskAdmission } from '../../../api/types';

/** One entry of the county office's 待决定 queue: a recall request or a task admission request. */
export type QueueEntry =
  { kind: 'recall'; id: string; request: RecallRequest } | { kind: 'admission'; id: string; admission: TaskAdmission };

/** Both kinds in one queue, the soonest (or longest overdue) reminder first. */
export function queueOf(recalls: readonly RecallRequest[], admissions: readonly TaskAdmission[]): QueueEntry[] {
  const entries: QueueEntry[] = [
    ...recalls.map((request) => ({ kind: 'recall' as const, id: request.id, request })),
    ...admissions.map((admission) => ({ kind: 'admission' as const, id: admission.id, admission })),
  ];
  return entries.sort((a, b) => dueOf(a).localeCompare(dueOf(b)));
}

export function dueOf(entry: QueueEntry): string {
  return entry.kind === 'recall' ? entry.request.decisionDueAt : entry.admission.decisionDueAt;
}

export function overdueOf(entry: QueueEntry): boolean {
  return entry.kind === 'recall' ? entry.request.overdue : entry.admission.overdue;
}

/** What the county office reads the entries by: townships' and handed powers' names. */
export interface QueueNames {
  townships: ReadonlyMap<string, string>;
  handovers: ReadonlyMap<string, Handover>;
}

/** The entry's subject as people know it: the power (or duty code) handed back, or the task's title. */
export function subjectOf(entry: QueueEntry, names: QueueNames): string {
  if (entry.kind === 'admission') return entry.admission.title;
  const { handoverId, dutyCode } = entry.request;
  if (handoverId) {
    const handover = names.handovers.get(handoverId);
    return handover ? (handover.powerName ?? handover.powerCode) : handoverId;
  }
  return dutyCode ?? '';
}

/** Who asks: the township handing back, or the department with the townships it names. */
export function requesterOf(entry: QueueEntry, names: QueueNames): string {
  if (entry.kind === 'recall') return names.townships.get(entry.request.townshipId) ?? entry.request.townshipId;
  const townships = entry.admission.townshipIds.map((id) => names.townships.get(id) ?? id).join('、');
  return `${entry.admission.department} → ${townships}`;
}

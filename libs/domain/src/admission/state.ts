import { isAfter } from '../calendar';
import type { TaskAdmissionFiled, TaskAdmissionRefused, TaskAdmitted, TaskMeans } from './events';

export const ADMISSION_STATUSES = ['pending', 'admitted', 'refused'] as const;
export type AdmissionStatus = (typeof ADMISSION_STATUSES)[number];

/** A filed request, as filed, with the county office's decision once made. */
export type FiledTaskAdmission = { status: AdmissionStatus } & TaskAdmissionFiled['data'] & {
    decision: TaskAdmitted['data'] | TaskAdmissionRefused['data'] | null;
  };

export type AdmissionState = { status: 'none' } | FiledTaskAdmission;

export const initialAdmissionState: AdmissionState = { status: 'none' };

/** No staff, no money, no equipment and no training: a task pushed down without means (Shandong township regulation art. 4 and 13). */
export function hasNoMeans(means: TaskMeans): boolean {
  return (means.staff ?? 0) === 0 && (means.budgetYuan ?? 0) === 0 && means.equipment.length === 0 && means.training.length === 0;
}

/**
 * Whether an admitted task is on the named townships' lists on `today` (`YYYY-MM-DD`): from its start to
 * its end date, both included; it leaves them the day after `endsOn`.
 */
export function isAdmittedOn(state: AdmissionState, today: string): state is FiledTaskAdmission {
  if (state.status !== 'admitted') return false;
  if (isAfter(state.startsOn, today)) return false;
  return state.endsOn === undefined || !isAfter(today, state.endsOn);
}

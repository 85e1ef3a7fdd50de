import type { TaskMeans } from '../../../api/types';
import { courseLabel, kindLabel } from '../../../components/labels';
import type { I18n } from '../../../i18n/i18n';

/** The means of a task in one line: 2 人 · ¥80,000 · 喷雾器 ×4 · 草地贪夜蛾防控 6 学时; 无 when there are none. */
export function meansSummary(i18n: I18n, means: TaskMeans): string {
  const parts: string[] = [];
  if (means.staff) parts.push(i18n.t('admission.staffCount', { count: means.staff }));
  if (means.budgetYuan) parts.push(i18n.yuan(means.budgetYuan));
  for (const line of means.equipment ?? []) parts.push(`${kindLabel(i18n, line.kind)} ×${line.quantity}`);
  for (const line of means.training ?? [])
    parts.push(i18n.t('admission.trainingHours', { course: courseLabel(i18n, line.course), hours: line.hours }));
  return parts.length > 0 ? parts.join(' · ') : i18n.t('admission.noMeans');
}

/** Form values → the API's `means`: empty lines dropped, numbers only when given. */
export function meansFrom(value: unknown): TaskMeans {
  const source = (value ?? {}) as Record<string, unknown>;
  const lines = <T>(key: string): T[] =>
    Array.isArray(source[key])
      ? (source[key] as (T | null | undefined)[]).filter((line): line is T => line !== null && line !== undefined)
      : [];
  const means: TaskMeans = {};
  if (typeof source.staff === 'number') means.staff = source.staff;
  if (typeof source.budgetYuan === 'number') means.budgetYuan = source.budgetYuan;
  const equipment = lines<NonNullable<TaskMeans['equipment']>[number]>('equipment');
  const training = lines<NonNullable<TaskMeans['training']>[number]>('training');
  if (equipment.length > 0) means.equipment = equipment;
  if (training.length > 0) means.training = training;
  return means;
}

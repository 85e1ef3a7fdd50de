import type { Gap, GapResource, HandoverStatus } from '../api/types';
import type { DutyCategory } from '../api/types';
import type { I18n } from '../i18n/i18n';

/** An equipment kind by the county's name for it. */
export function kindLabel(i18n: I18n, kind: string): string {
  return i18n.term('equipment-kinds', kind);
}

/** A training course by the county's name for it. */
export function courseLabel(i18n: I18n, course: string): string {
  return i18n.term('training-courses', course);
}

export function resourceLabel(i18n: I18n, resource: GapResource | string): string {
  return i18n.tr(`resource.${resource}`, resource);
}

export function itemLabel(i18n: I18n, gap: Pick<Gap, 'resource' | 'item'>): string {
  if (gap.resource === 'officers') return i18n.tr(`item.${gap.item}`, gap.item);
  if (gap.resource === 'equipment') return kindLabel(i18n, gap.item);
  if (gap.resource === 'training') return courseLabel(i18n, gap.item);
  return gap.item;
}

export function responsibleLabel(i18n: I18n, responsible: string): string {
  return i18n.tr(`responsible.${responsible}`, responsible);
}

export function statusLabel(i18n: I18n, status: HandoverStatus | string): string {
  return i18n.tr(`status.${status}`, status);
}

export const STATUS_COLORS: Record<HandoverStatus, string> = {
  recorded: 'gold',
  accepted: 'blue',
  contested: 'volcano',
  active: 'green',
  revoked: 'default',
};

/** One line per gap: "执法记录仪 缺 2". */
export function gapsSummary(i18n: I18n, gaps: readonly Gap[]): string {
  return gaps.map((gap) => `${itemLabel(i18n, gap)} ${i18n.t('awaiting.short', { missing: i18n.number(gap.missing) })}`).join('；');
}

export function dutyCategoryLabel(i18n: I18n, category: DutyCategory | string): string {
  return i18n.tr(`dutyCategory.${category}`, category);
}

/** A duty's domain (领域): its Chinese name is its value; the English table translates it. */
export function dutyDomainLabel(i18n: I18n, domain: string): string {
  return i18n.tr(`dutyDomain.${domain}`, domain);
}

export const DUTY_CATEGORY_COLORS: Record<DutyCategory, string> = { basic: 'green', assisting: 'blue', returned: 'default' };

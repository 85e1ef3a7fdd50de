import type { ListedDuty } from '../duty-list/items';
import { isAdmittedOn, type AdmissionState } from './state';

/**
 * The admitted tasks on `townshipId`'s list on `today`, as list items of source `admission`: the township
 * does the task (basic), the department that asked for it named beside it. Each leaves the list the day
 * after its end date.
 */
export function admissionDutyItems(admissions: readonly AdmissionState[], townshipId: string, today: string): ListedDuty[] {
  return admissions
    .filter((admission) => isAdmittedOn(admission, today) && admission.townshipIds.includes(townshipId))
    .flatMap((admission) =>
      admission.status === 'none'
        ? []
        : [
            {
              admissionId: admission.admissionId,
              name: admission.title,
              domain: '其他' as const,
              category: 'basic' as const,
              leadDepartment: admission.department,
              source: 'admission' as const,
            },
          ],
    );
}

import type { DomainCommand } from '../decider';
import type { TaskAdmissionFiled } from './events';

/** A department asks the county office to have townships take a task outside their lists (事项准入). */
export type FileTaskAdmission = DomainCommand<'FileTaskAdmission', Omit<TaskAdmissionFiled['data'], 'filedAt'>>;

/** The county office admits or refuses the task, with a reason. */
export type DecideTaskAdmission = DomainCommand<'DecideTaskAdmission', { admitted: boolean; reason: string; decidedBy: string }>;

export type AdmissionCommand = FileTaskAdmission | DecideTaskAdmission;

import { exhaustive, type Decision, type DecisionContext } from '../decider';
import { accept, notFound, refuse, rule, RuleCodes } from '../domain-error';
import type { AdmissionCommand, DecideTaskAdmission, FileTaskAdmission } from './commands';
import type { AdmissionEvent } from './events';
import { hasNoMeans, type AdmissionState } from './state';

/**
 * The rules of task admission (事项准入): a department may not push its own work onto townships "in the
 * name of 属地管理" (Shandong township regulation art. 4); a task sent down needs funds, staff, guidance and
 * training (art. 13), so one without any means is never admitted. Decided once. Commands come parsed.
 */
export function decideAdmission(command: AdmissionCommand, state: AdmissionState, ctx: DecisionContext): Decision<AdmissionEvent> {
  switch (command.type) {
    case 'FileTaskAdmission':
      return file(command, state, ctx);
    case 'DecideTaskAdmission':
      return decide(command, state, ctx);
    default:
      return exhaustive(command, 'admission command');
  }
}

function file({ data }: FileTaskAdmission, state: AdmissionState, ctx: DecisionContext): Decision<AdmissionEvent> {
  // A redelivered filing is already on record.
  if (state.status !== 'none') return accept();
  return accept({ type: 'TaskAdmissionFiled', data: { ...data, filedAt: ctx.now } });
}

function decide({ data }: DecideTaskAdmission, state: AdmissionState, ctx: DecisionContext): Decision<AdmissionEvent> {
  if (state.status === 'none') return refuse(notFound('No such task admission request'));
  if (state.status !== 'pending')
    return refuse(rule(RuleCodes.admissionDecided, `Task admission ${state.admissionId} was already ${state.status}: it is decided once`));
  const decision = { reason: data.reason, decidedBy: data.decidedBy, decidedAt: ctx.now };
  if (!data.admitted) return accept({ type: 'TaskAdmissionRefused', data: decision });
  if (hasNoMeans(state.means))
    return refuse(
      rule(
        RuleCodes.taskWithoutMeans,
        `Task ${state.admissionId} comes with no staff, money, equipment or training: a task sent down to townships needs its means (Shandong township regulation art. 4 and 13)`,
      ),
    );
  return accept({ type: 'TaskAdmitted', data: decision });
}

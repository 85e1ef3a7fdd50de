import type { DomainEvent } from '@fangquan/domain';
import { candidate } from '../../test/fixtures';
import {
  decideSubjectDelivery,
  planRequestReminders,
  requestFactsOf,
  type RequestFacts,
  type SubjectDeliveryInput,
  type RequestReminderJob as SubjectReminderJob,
} from './subject-reminders';

const CANDIDATES = [
  candidate('admin-a', 'county_admin', { head: true }),
  candidate('admin-b', 'county_admin'),
  candidate('xp', 'township', { townshipId: 'xiping' }),
  candidate('bs', 'township', { townshipId: 'baishui' }),
  candidate('ny', 'department', { department: '农业农村局' }),
  candidate('cg', 'department', { department: '城市管理局' }),
];

const RECALL_STREAM = 'recall-xiping-h1';
const recallRef = { subjectType: 'recall-request' as const, subjectId: 'r1', streamId: RECALL_STREAM };
const admissionRef = { subjectType: 'task-admission' as const, subjectId: 'a1', streamId: 'admission-a1' };

const recallRequested: DomainEvent = {
  type: 'RecallRequested',
  data: {
    requestId: 'r1',
    countyId: 'c1',
    townshipId: 'xiping',
    handoverId: 'h1',
    reason: '无人承接',
    filedBy: 'xp',
    filedAt: '2026-12-07T02:00:00.000Z',
  },
};
const recallRejected: DomainEvent = {
  type: 'RecallRejected',
  data: { requestId: 'r1', reason: '暂不收回', decidedBy: 'admin-a', decidedAt: '2026-12-08T02:00:00.000Z' },
};
const admissionFiled: DomainEvent = {
  type: 'TaskAdmissionFiled',
  data: {
    admissionId: 'a1',
    countyId: 'c1',
    department: '农业农村局',
    title: '草地贪夜蛾监测防控',
    description: '布设监测点',
    townshipIds: ['xiping'],
    means: { staff: 2, equipment: [], training: [] },
    startsOn: '2026-12-07',
    filedBy: 'ny',
    filedAt: '2026-12-07T02:00:00.000Z',
  },
};
const admitted: DomainEvent = {
  type: 'TaskAdmitted',
  data: { reason: '同意', decidedBy: 'admin-a', decidedAt: '2026-12-08T02:00:00.000Z' },
};

const SCHEDULE = { stepsMs: [1000, 2000], repeatMs: 5000 };

function input(job: SubjectReminderJob, request: RequestFacts | undefined, delivered = false): SubjectDeliveryInput {
  return { reminderId: 'id', job, delivered, request, candidates: CANDIDATES, schedule: SCHEDULE };
}

const due = (step: number): SubjectReminderJob => ({ kind: 'decision-due', ...recallRef, step });

describe('reminders about requests', () => {
  it('folds a recall request and a task admission from their streams', () => {
    expect(requestFactsOf(recallRef, [recallRequested])).toEqual({
      subject: { type: 'recall-request', id: 'r1', title: '无人承接' },
      countyId: 'c1',
      status: 'pending',
      requester: { townshipId: 'xiping' },
    });
    expect(requestFactsOf(recallRef, [recallRequested, recallRejected])?.status).toBe('rejected');
    expect(requestFactsOf({ ...recallRef, subjectId: 'other' }, [recallRequested])).toBeUndefined();
    expect(requestFactsOf(admissionRef, [admissionFiled, admitted])).toMatchObject({
      subject: { type: 'task-admission', id: 'a1', title: '草地贪夜蛾监测防控' },
      status: 'admitted',
      requester: { department: '农业农村局' },
    });
  });

  it('reminds every county_admin user of a pending request, then schedules the next step after REMINDER_REPEAT', () => {
    const pending = requestFactsOf(recallRef, [recallRequested]);
    const decision = decideSubjectDelivery(input(due(0), pending));
    expect(decision).toMatchObject({
      kind: 'deliver',
      reminder: { kind: 'decision-due', step: 0, escalated: false, outcome: null, subject: { type: 'recall-request', id: 'r1' } },
      next: { id: 'decision.r1.1', job: { kind: 'decision-due', step: 1 }, delayMs: 5000 },
    });
    expect(decision.kind === 'deliver' && decision.reminder.recipients.map((r) => r.username)).toEqual(['admin-a', 'admin-b']);
  });

  it('escalates the steps past the REMINDER_STEPS like a gap chain', () => {
    const pending = requestFactsOf(recallRef, [recallRequested]);
    const escalated = (step: number): boolean => {
      const decision = decideSubjectDelivery(input(due(step), pending));
      return decision.kind === 'deliver' && decision.reminder.escalated;
    };
    expect([0, 1, 2, 3, 4].map(escalated)).toEqual([false, false, false, true, true]);
  });

  it('drops a step of a decided request, and retries one whose request is not on its stream yet', () => {
    expect(decideSubjectDelivery(input(due(1), requestFactsOf(recallRef, [recallRequested, recallRejected])))).toMatchObject({
      kind: 'obsolete',
    });
    expect(decideSubjectDelivery(input(due(0), undefined))).toMatchObject({ kind: 'not-ready' });
  });

  it('a step written already only queues the next one', () => {
    expect(decideSubjectDelivery(input(due(2), requestFactsOf(recallRef, [recallRequested]), true))).toEqual({
      kind: 'already-delivered',
      next: { id: 'decision.r1.3', job: due(3), delayMs: 5000 },
    });
  });

  it("tells the decision to the township's users for a recall and to the filing department's users for an admission", () => {
    const recall = decideSubjectDelivery(
      input({ kind: 'decision-made', ...recallRef }, requestFactsOf(recallRef, [recallRequested, recallRejected])),
    );
    expect(recall).toMatchObject({ kind: 'deliver', reminder: { kind: 'decision-made', outcome: 'rejected', step: 0 } });
    expect(recall).not.toHaveProperty('next');
    expect(recall.kind === 'deliver' && recall.reminder.recipients.map((r) => r.username)).toEqual(['xp']);
    const admission = decideSubjectDelivery(
      input({ kind: 'decision-made', ...admissionRef }, requestFactsOf(admissionRef, [admissionFiled, admitted])),
    );
    expect(admission).toMatchObject({ kind: 'deliver', reminder: { outcome: 'admitted' } });
    expect(admission.kind === 'deliver' && admission.reminder.recipients.map((r) => r.username)).toEqual(['ny']);
    // Ahead of the log: the decision is not on the stream yet.
    expect(
      decideSubjectDelivery(input({ kind: 'decision-made', ...recallRef }, requestFactsOf(recallRef, [recallRequested]))),
    ).toMatchObject({
      kind: 'not-ready',
    });
  });

  it('plans the first step at the due instant on filing, and the notice (dropping the step) on the decision', () => {
    const now = new Date('2026-12-07T02:00:01.000Z');
    const dueAt = (filedAt: string): string => new Date(Date.parse(filedAt) + 10_000).toISOString();
    const admissionIdOf = (streamId: string): string | undefined => (streamId.startsWith('admission-') ? streamId.slice(10) : undefined);
    const logged = (streamId: string, event: DomainEvent) => ({ streamId, type: event.type, data: event.data as Record<string, unknown> });
    expect(planRequestReminders([logged(RECALL_STREAM, recallRequested)], dueAt, now, admissionIdOf)).toEqual({
      add: [{ id: 'decision.r1.0', job: { kind: 'decision-due', ...recallRef, step: 0 }, delayMs: 9000 }],
      remove: [],
    });
    expect(planRequestReminders([logged('admission-a1', admitted)], dueAt, now, admissionIdOf)).toEqual({
      add: [{ id: 'decided.a1', job: { kind: 'decision-made', ...admissionRef }, delayMs: 0 }],
      remove: ['decision.a1.0'],
    });
    // Filed long ago (a replay): due at once.
    expect(
      planRequestReminders([logged('admission-a1', admissionFiled)], dueAt, new Date('2027-01-01'), admissionIdOf).add[0]?.delayMs,
    ).toBe(0);
  });
});

import { parsingFirst } from '../parsing';
import { contextOn, DEFAULT_CONTEXT, DeciderSpecification } from '../testing/decider-specification';
import { AGRICULTURE, COUNTY, TOWNSHIP } from '../testing/sample-data';
import type { AdmissionCommand, FileTaskAdmission } from './commands';
import { admissionDecider } from './decider';
import type { AdmissionEvent, TaskAdmissionFiled, TaskMeans } from './events';
import { parseAdmissionCommand } from './parse';
import { hasNoMeans, isAdmittedOn, type AdmissionState } from './state';

/** Task admission as the ledger runs it: each command parsed, then decided. */
const spec = DeciderSpecification.for(parsingFirst(admissionDecider, parseAdmissionCommand));

const OTHER_TOWNSHIP = 'township-baishui'; // 白水镇
const DECIDED = contextOn('2025-03-05');

const means = (): TaskMeans => ({
  staff: 2,
  budgetYuan: 80000,
  equipment: [{ kind: 'sprayer', quantity: 4 }],
  training: [{ course: '草地贪夜蛾防控', hours: 6 }],
});
const NO_MEANS: TaskMeans = { equipment: [], training: [] };

const fileData = (overrides: Partial<FileTaskAdmission['data']> = {}): FileTaskAdmission['data'] => ({
  admissionId: 'admission-1',
  countyId: COUNTY,
  department: AGRICULTURE,
  title: '草地贪夜蛾监测防控',
  description: '在玉米种植区布设监测点，每周巡查一次并上报虫情',
  townshipIds: [TOWNSHIP, OTHER_TOWNSHIP],
  legalBasis: '《农作物病虫害防治条例》第十四条',
  means: means(),
  startsOn: '2025-04-01',
  endsOn: '2025-09-30',
  filedBy: 'user-agriculture',
  ...overrides,
});
const file = (overrides: Partial<FileTaskAdmission['data']> = {}): AdmissionCommand => ({
  type: 'FileTaskAdmission',
  data: fileData(overrides),
});
const filed = (overrides: Partial<TaskAdmissionFiled['data']> = {}): AdmissionEvent => ({
  type: 'TaskAdmissionFiled',
  data: { ...fileData(), filedAt: DEFAULT_CONTEXT.now, ...overrides },
});
const decide = (admitted: boolean, reason = '属地巡查确需乡镇配合，经费人员随事项下沉'): AdmissionCommand => ({
  type: 'DecideTaskAdmission',
  data: { admitted, reason, decidedBy: 'county-admin' },
});
const admitted = (): AdmissionEvent => ({
  type: 'TaskAdmitted',
  data: { reason: '属地巡查确需乡镇配合，经费人员随事项下沉', decidedBy: 'county-admin', decidedAt: DECIDED.now },
});

describe('task admission', () => {
  describe('FileTaskAdmission', () => {
    it('files a task with its townships, legal basis, means and dates, pending the county office', () => {
      const state = spec.given([]).when(file()).then([filed()]);
      expect(state).toMatchObject({ status: 'pending', decision: null, townshipIds: [TOWNSHIP, OTHER_TOWNSHIP] });
    });

    it('files a task without means or end date (it can be refused, never admitted)', () => {
      const { endsOn: _endsOn, ...withoutEnd } = filed({ means: NO_MEANS }).data as TaskAdmissionFiled['data'];
      spec
        .given([])
        .when(file({ means: {} as TaskMeans, endsOn: undefined }))
        .then([{ type: 'TaskAdmissionFiled', data: withoutEnd }]);
    });

    it('takes a redelivered filing as already on record', () => {
      spec.given([filed()]).when(file()).thenNothing();
    });
  });

  describe('DecideTaskAdmission', () => {
    it('admits a task that comes with its means', () => {
      spec.given([filed()]).when(decide(true), DECIDED).then([admitted()]);
    });

    it.each<[string, Partial<TaskMeans>]>([
      ['staff', { staff: 1 }],
      ['money', { budgetYuan: 5000 }],
      ['equipment', { equipment: [{ kind: 'sprayer', quantity: 1 }] }],
      ['training', { training: [{ course: '草地贪夜蛾防控', hours: 2 }] }],
    ])('admits a task whose only means are %s', (_what, part) => {
      spec
        .given([filed({ means: { ...NO_MEANS, ...part } })])
        .when(decide(true), DECIDED)
        .then([admitted()]);
    });

    it('refuses to admit a task without any means, naming the rule (Shandong township regulation art. 4 and 13)', () => {
      const error = spec
        .given([filed({ means: { staff: 0, budgetYuan: 0, equipment: [], training: [] } })])
        .when(decide(true))
        .thenFails({ kind: 'rule', code: 'task-without-means' });
      expect(error).toMatchObject({ detail: expect.stringContaining('art. 4 and 13') });
    });

    it('refuses a task without means', () => {
      spec
        .given([filed({ means: NO_MEANS })])
        .when(decide(false, '无经费无人员，不予准入'), DECIDED)
        .then([
          { type: 'TaskAdmissionRefused', data: { reason: '无经费无人员，不予准入', decidedBy: 'county-admin', decidedAt: DECIDED.now } },
        ]);
    });

    it.each([true, false])('refuses a second decision (the first admitted, the second admitted: %s)', (second) => {
      spec.given([filed(), admitted()]).when(decide(second)).thenFails({ kind: 'rule', code: 'admission-decided' });
    });

    it('does not know a task never filed', () => {
      spec.given([]).when(decide(true)).thenFails({ kind: 'not-found' });
    });
  });

  describe('on the lists', () => {
    const admittedState = (): AdmissionState => fold([filed(), admitted()]);

    it('is on the lists from its start to its end date, both included, and leaves them the day after', () => {
      const state = admittedState();
      expect(isAdmittedOn(state, '2025-03-31')).toBe(false);
      expect(isAdmittedOn(state, '2025-04-01')).toBe(true);
      expect(isAdmittedOn(state, '2025-09-30')).toBe(true);
      expect(isAdmittedOn(state, '2025-10-01')).toBe(false);
    });

    it('stays without an end date; a pending or refused task is on no list', () => {
      expect(isAdmittedOn(fold([filed({ endsOn: undefined }), admitted()]), '2030-01-01')).toBe(true);
      expect(isAdmittedOn(fold([filed()]), '2025-05-01')).toBe(false);
    });

    it('counts zero staff and zero money as no means', () => {
      expect(hasNoMeans({ staff: 0, budgetYuan: 0, equipment: [], training: [] })).toBe(true);
      expect(hasNoMeans(means())).toBe(false);
    });
  });

  describe('parsing', () => {
    it('names every bad field of a filing at once', () => {
      spec
        .given([])
        .when(
          file({
            department: '',
            title: '  ',
            description: '',
            townshipIds: [TOWNSHIP, TOWNSHIP, ''],
            means: {
              staff: -1,
              budgetYuan: -5,
              equipment: [{ kind: '', quantity: 0 }],
              training: [{ course: '防控', hours: -2 }],
            },
            startsOn: '2025-02-30',
          }),
        )
        .thenFails({
          kind: 'invalid',
          errors: [
            { field: 'department' },
            { field: 'title' },
            { field: 'description' },
            { field: 'townshipIds[2]' },
            { field: 'townshipIds[1]' },
            { field: 'means.staff' },
            { field: 'means.budgetYuan' },
            { field: 'means.equipment[0].kind' },
            { field: 'means.equipment[0].quantity' },
            { field: 'means.training[0].hours' },
            { field: 'startsOn' },
          ],
        });
    });

    it('refuses an empty list of townships', () => {
      spec
        .given([])
        .when(file({ townshipIds: [] }))
        .thenFails({ kind: 'invalid', errors: [{ field: 'townshipIds' }] });
    });

    it('refuses an end before the start; an end on the start day is one day long', () => {
      spec
        .given([])
        .when(file({ startsOn: '2025-04-01', endsOn: '2025-03-31' }))
        .thenFails({ kind: 'invalid', errors: [{ field: 'endsOn', message: 'must not be before startsOn' }] });
      spec
        .given([])
        .when(file({ startsOn: '2025-04-01', endsOn: '2025-04-01' }))
        .thenState({ status: 'pending' });
    });

    it('names every bad field of a decision', () => {
      spec
        .given([filed()])
        .when({ type: 'DecideTaskAdmission', data: { admitted: 'yes' as never, reason: ' ', decidedBy: '' } })
        .thenFails({ kind: 'invalid', errors: [{ field: 'admitted' }, { field: 'reason' }, { field: 'decidedBy' }] });
    });
  });
});

function fold(events: AdmissionEvent[]): AdmissionState {
  return events.reduce((state, event) => admissionDecider.evolve(state, event), admissionDecider.initialState);
}

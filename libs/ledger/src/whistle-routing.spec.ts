import { initialDutyListState, type DutyListState } from '@fangquan/domain';
import { routingByList } from './whistles.service';

const list: DutyListState = {
  ...initialDutyListState,
  entries: {
    'SL-003': { dutyCode: 'SL-003', category: 'assisting', cooperation: '巡查发现、及时报告', leadDepartment: '水利局' },
    'ZF-020': { dutyCode: 'ZF-020', category: 'returned', leadDepartment: '自然资源局' },
    'ST-001': { dutyCode: 'ST-001', category: 'basic' },
  },
};

describe('routingByList', () => {
  it("routes an item to the lead department the township's list names, with its category there", () => {
    expect(routingByList(list, 'SL-003')).toEqual({ category: 'assisting', routing: { department: '水利局', coDepartments: [] } });
    expect(routingByList(list, 'ZF-020')).toEqual({ category: 'returned', routing: { department: '自然资源局', coDepartments: [] } });
  });

  it('names no department for an item without a lead department (the county office dispatches it)', () => {
    expect(routingByList(list, 'ST-001')).toEqual({ category: 'basic', routing: { coDepartments: [] } });
  });

  it('finds nothing for an item not on the list', () => {
    expect(routingByList(list, 'XX-999')).toBeUndefined();
    expect(routingByList(initialDutyListState, 'SL-003')).toBeUndefined();
  });
});

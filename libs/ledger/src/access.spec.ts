import { accessRefusal, AccessCodes } from './access';
import type { LedgerActor } from './ledger.types';

const COUNTY = 'county-zhanyi';
const handover = { countyId: COUNTY, townshipId: 'township-xiping', department: '市场监管局' };
const wording = { what: 'handover', townshipOnly: "Only the township of the handover's team answers it" };

const actor = (reach?: LedgerActor['reach'], countyId: string | null = COUNTY): LedgerActor => ({
  username: 'someone',
  countyId,
  ...(reach === undefined ? {} : { reach }),
});

describe('accessRefusal', () => {
  it('lets the county reach every aggregate of its county, and nothing of another', () => {
    expect(accessRefusal(actor(), handover, wording)).toBeNull();
    expect(accessRefusal(actor({ kind: 'county' }), handover, wording)).toBeNull();
    expect(accessRefusal(actor(undefined, 'county-keqiao'), handover, wording)).toEqual({
      kind: 'forbidden',
      detail: 'This handover belongs to another county',
    });
    expect(accessRefusal(actor(undefined, null), handover, wording)).toMatchObject({ kind: 'forbidden' });
  });

  it("lets a township reach its own township's aggregates only", () => {
    expect(accessRefusal(actor({ kind: 'township', townshipId: 'township-xiping' }), handover, wording)).toBeNull();
    expect(accessRefusal(actor({ kind: 'township', townshipId: 'township-baishui' }), handover, wording)).toEqual({
      kind: 'forbidden',
      detail: wording.townshipOnly,
    });
    expect(accessRefusal(actor({ kind: 'township', townshipId: null }), handover, wording)).toMatchObject({ kind: 'forbidden' });
  });

  it("lets a department reach its own department's aggregates only, naming the rule", () => {
    expect(accessRefusal(actor({ kind: 'department', department: '市场监管局' }), handover, wording)).toBeNull();
    expect(accessRefusal(actor({ kind: 'department', department: '综合执法局' }), handover, wording)).toEqual({
      kind: 'forbidden',
      detail: "This handover is 市场监管局's, not 综合执法局's",
      code: AccessCodes.notOwnDepartment,
    });
    expect(
      accessRefusal(actor({ kind: 'department', department: '综合执法局' }), { countyId: COUNTY, townshipId: 'x' }, { what: 'team' }),
    ).toEqual({
      kind: 'forbidden',
      detail: 'A department does not act on a team',
      code: AccessCodes.notOwnDepartment,
    });
    expect(accessRefusal(actor({ kind: 'department', department: null }), handover, wording)).toMatchObject({ kind: 'forbidden' });
  });
});

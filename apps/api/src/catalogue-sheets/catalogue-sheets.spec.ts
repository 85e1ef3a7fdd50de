import { DEFAULT_VOCABULARIES } from '@fangquan/domain';
import { dutyRowInput, dutySheetRow } from './duty-sheet';
import { powerRowInput, powerSheetRow } from './power-sheet';

const terms = DEFAULT_VOCABULARIES;
const COUNTY = '7f0c1d2e-0000-4000-8000-000000000001';

const powerCells = {
  code: 'P-1',
  name: '占道经营的处罚',
  category: '行政处罚',
  legalBasis: '《城市市容和环境卫生管理条例》第三十六条',
  department: '综合执法局',
  certifiedOfficers: '2',
  equipment: '执法记录仪×2；vehicle x 1',
  training: '行政处罚法×16\n城乡规划执法*4.5',
};

describe('a row of the powers sheet', () => {
  it('reads labels, names or codes of terms, and amounts into a registration', () => {
    expect(powerRowInput({ rowNumber: 7, values: powerCells }, COUNTY, terms)).toEqual({
      ok: true,
      value: {
        code: 'P-1',
        name: '占道经营的处罚',
        category: 'penalty',
        legalBasis: '《城市市容和环境卫生管理条例》第三十六条',
        department: '综合执法局',
        requirements: {
          certifiedOfficers: 2,
          equipment: [
            { kind: 'body-camera', quantity: 2 },
            { kind: 'vehicle', quantity: 1 },
          ],
          training: [
            { course: '行政处罚法', hours: 16 },
            { course: '城乡规划执法', hours: 4.5 },
          ],
        },
      },
    });
  });

  it('names each bad cell once, on its row and column', () => {
    const result = powerRowInput(
      {
        rowNumber: 9,
        values: {
          ...powerCells,
          code: 'P 1',
          category: '罚款',
          certifiedOfficers: '两名',
          equipment: '执法记录仪',
          training: '飞行×3',
          name: '',
        },
      },
      COUNTY,
      terms,
    );
    expect(result.ok ? [] : result.error.map((error) => [error.field, error.code])).toEqual([
      ['rows[9].category', 'not-one-of'],
      ['rows[9].code', undefined],
      ['rows[9].equipment', 'bad-format'],
      ['rows[9].training', 'unknown-training-course'],
      ['rows[9].name', undefined],
      ['rows[9].certifiedOfficers', undefined],
    ]);
  });

  it('writes a power back as the row it was read from', () => {
    const read = powerRowInput({ rowNumber: 2, values: powerCells }, COUNTY, terms);
    if (!read.ok) throw new Error('unreadable');
    const row = powerSheetRow(read.value, terms);
    expect(row).toMatchObject({ category: '行政处罚', equipment: '执法记录仪×2；执法车辆×1', training: '行政处罚法×16；城乡规划执法×4.5' });
    const again = powerRowInput(
      { rowNumber: 2, values: Object.fromEntries(Object.entries(row).map(([k, v]) => [k, String(v)])) },
      COUNTY,
      terms,
    );
    expect(again).toEqual(read);
  });
});

describe('a row of the duty sheet', () => {
  const cells = { code: 'D-1', name: '日常巡查', domain: '综合执法', defaultCategory: '配合履职', leadDepartment: '综合执法局' };

  it('reads the default category from its Chinese label or its code, blank cells absent', () => {
    expect(dutyRowInput({ rowNumber: 3, values: cells }, COUNTY)).toEqual({
      ok: true,
      value: { code: 'D-1', name: '日常巡查', domain: '综合执法', defaultCategory: 'assisting', leadDepartment: '综合执法局' },
    });
    expect(dutyRowInput({ rowNumber: 3, values: { ...cells, defaultCategory: 'returned' } }, COUNTY)).toMatchObject({
      ok: true,
      value: { defaultCategory: 'returned' },
    });
  });

  it('names every bad cell on its row, listing the categories by their labels', () => {
    const result = dutyRowInput({ rowNumber: 12, values: { code: 'D/1', name: '巡查', domain: '外交', defaultCategory: '兼办' } }, COUNTY);
    expect(result.ok ? [] : result.error.map((error) => error.field)).toEqual([
      'rows[12].code',
      'rows[12].domain',
      'rows[12].defaultCategory',
    ]);
    expect(result.ok ? '' : result.error[2]?.message).toBe('must be one of 基本履职, 配合履职, 上级部门收回');
  });

  it('writes absent fields as blank cells and the category as its label', () => {
    const read = dutyRowInput({ rowNumber: 3, values: cells }, COUNTY);
    if (!read.ok) throw new Error('unreadable');
    expect(dutySheetRow({ countyId: COUNTY, ...read.value })).toEqual({
      code: 'D-1',
      name: '日常巡查',
      domain: '综合执法',
      defaultCategory: '配合履职',
      description: undefined,
      legalBasis: undefined,
      leadDepartment: '综合执法局',
      powerCode: undefined,
      contact: undefined,
    });
  });
});

import { CERTIFIED_OFFICERS_MAX, LABEL_MAX, TEXT_MAX } from '../limits';
import { parsePowerItemCommand, parseRegisterPowerItem, parseRevisePowerRequirements } from './parse';

const item = {
  countyId: 'county-zhanyi',
  code: 'CF-SC-0006',
  name: ' 对无照经营的处罚 ',
  category: 'penalty',
  legalBasis: '《无证无照经营查处办法》第十三条',
  department: '市场监管局',
  requirements: {
    certifiedOfficers: 2,
    equipment: [{ kind: 'body-camera', quantity: 2 }],
    training: [{ course: '无证无照经营查处', hours: 8 }],
  },
};

const fields = (result: { ok: boolean; error?: Array<{ field: string }> }): string[] =>
  result.ok ? [] : result.error!.map((e) => e.field);

describe('parsing power item commands', () => {
  it('parses a registration, trimming its text', () => {
    expect(parseRegisterPowerItem(item)).toEqual({
      ok: true,
      value: { type: 'RegisterPowerItem', data: { ...item, name: '对无照经营的处罚' } },
    });
  });

  it('names every bad field of a registration, within the limits the API states', () => {
    expect(
      fields(
        parseRegisterPowerItem({
          ...item,
          name: 'x'.repeat(TEXT_MAX + 1),
          category: 'fine',
          department: 'x'.repeat(LABEL_MAX + 1),
          requirements: { certifiedOfficers: CERTIFIED_OFFICERS_MAX + 1, equipment: {}, training: [{ course: '', hours: 0 }] },
        }),
      ),
    ).toEqual([
      'name',
      'category',
      'department',
      'requirements.certifiedOfficers',
      'requirements.equipment',
      'requirements.training[0].course',
      'requirements.training[0].hours',
    ]);
  });

  it('leaves the two-officer floor of the law to decide', () => {
    expect(parseRegisterPowerItem({ ...item, requirements: { ...item.requirements, certifiedOfficers: 1 } }).ok).toBe(true);
  });

  it('parses revised requirements, refusing duplicates and missing requirements', () => {
    expect(parseRevisePowerRequirements({ requirements: item.requirements })).toEqual({
      ok: true,
      value: { type: 'RevisePowerRequirements', data: { requirements: item.requirements } },
    });
    expect(
      fields(
        parseRevisePowerRequirements({
          requirements: { certifiedOfficers: 2, equipment: [], training: [item.requirements.training[0], item.requirements.training[0]] },
        }),
      ),
    ).toEqual(['requirements.training[1].course']);
    expect(fields(parsePowerItemCommand({ type: 'RevisePowerRequirements', data: {} as never }))).toEqual(['requirements']);
  });
});

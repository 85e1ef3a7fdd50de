import type { PowerItemCommand, RegisterPowerItem } from './commands';
import type { PowerItemEvent } from './events';
import { powerItemDecider } from './decider';
import { parsePowerItemCommand } from './parse';
import { parsingFirst } from '../parsing';
import { DeciderSpecification } from '../testing/decider-specification';
import { catalogue, COUNTY, MARKET_REGULATION } from '../testing/sample-data';
import type { Requirements } from '../resources';

/** The power item as the ledger runs it: each command parsed, then decided. */
const spec = DeciderSpecification.for(parsingFirst(powerItemDecider, parsePowerItemCommand));

const register = (data: RegisterPowerItem['data']): PowerItemCommand => ({ type: 'RegisterPowerItem', data });
const registered = (data: RegisterPowerItem['data']): PowerItemEvent => ({ type: 'PowerItemRegistered', data });
const revise = (requirements: Requirements): PowerItemCommand => ({ type: 'RevisePowerRequirements', data: { requirements } });

describe('power item', () => {
  describe('RegisterPowerItem', () => {
    it('registers an item of the catalogue', () => {
      spec
        .given([])
        .when(register(catalogue.unlicensedPenalty()))
        .then([registered(catalogue.unlicensedPenalty())]);
    });

    it('trims the text it records', () => {
      const item = catalogue.littering();
      spec
        .given([])
        .when(
          register({
            ...item,
            code: '  CF-CG-0001 ',
            name: ` ${item.name}\n`,
            requirements: { ...item.requirements, equipment: [{ kind: ' body-camera ', quantity: 2 }] },
          }),
        )
        .then([registered(item)]);
    });

    it('registers a coercive measure that needs two officers (查封扣押)', () => {
      spec.given([]).when(register(catalogue.unlicensedSealing())).thenState({
        status: 'registered',
        code: 'QZ-SC-0005',
        category: 'coercion',
      });
    });

    it('refuses to register the same item twice', () => {
      spec
        .given([registered(catalogue.littering())])
        .when(register(catalogue.littering()))
        .thenFails({ kind: 'rule', code: 'power-already-registered' });
    });

    it('names every bad field at once', () => {
      spec
        .given([])
        .when(
          register({
            countyId: COUNTY,
            code: '',
            name: '   ',
            category: 'fine' as never,
            legalBasis: '《无证无照经营查处办法》第十三条',
            department: MARKET_REGULATION,
            requirements: {
              certifiedOfficers: 1.5,
              equipment: [{ kind: '', quantity: 0 }],
              training: [{ course: '无证无照经营查处', hours: 0 }],
            },
          }),
        )
        .thenFails({
          kind: 'invalid',
          errors: [
            { field: 'code', message: 'must not be blank' },
            { field: 'name', message: 'must not be blank' },
            { field: 'category' },
            { field: 'requirements.certifiedOfficers', message: 'must be a whole number' },
            { field: 'requirements.equipment[0].kind' },
            { field: 'requirements.equipment[0].quantity', message: 'must be at least 1' },
            { field: 'requirements.training[0].hours', message: 'must be greater than 0' },
          ],
        });
    });

    it('needs requirements', () => {
      const { requirements: _omitted, ...item } = catalogue.littering();
      spec
        .given([])
        .when(register(item as RegisterPowerItem['data']))
        .thenFails({ kind: 'invalid', errors: [{ field: 'requirements', message: 'is required' }] });
    });

    it.each([
      ['penalty', 'Administrative Penalty Law'],
      ['coercion', 'Administrative Compulsion Law'],
    ] as const)('refuses fewer than two certified officers for a %s item', (category, law) => {
      const error = spec
        .given([])
        .when(register({ ...catalogue.unlicensedSealing(), category, requirements: { certifiedOfficers: 1, equipment: [], training: [] } }))
        .thenFails({ kind: 'invalid', errors: [{ field: 'requirements.certifiedOfficers' }] });
      expect(JSON.stringify(error)).toContain(law);
    });

    it.each(['inspection', 'permit', 'other'] as const)('lets %s items need fewer than two officers', (category) => {
      const data = { ...catalogue.strawBurning(), category, requirements: { certifiedOfficers: 0, equipment: [], training: [] } };
      spec
        .given([])
        .when(register(data))
        .then([registered(data)]);
    });

    it('refuses a negative number of officers', () => {
      spec
        .given([])
        .when(
          register({
            ...catalogue.strawBurning(),
            category: 'inspection',
            requirements: { certifiedOfficers: -1, equipment: [], training: [] },
          }),
        )
        .thenFails({ kind: 'invalid', errors: [{ field: 'requirements.certifiedOfficers', message: 'must be at least 0' }] });
    });

    it('refuses duplicate equipment kinds and training courses', () => {
      spec
        .given([])
        .when(
          register({
            ...catalogue.roadOccupation(),
            requirements: {
              certifiedOfficers: 2,
              equipment: [
                { kind: 'body-camera', quantity: 2 },
                { kind: 'vehicle', quantity: 1 },
                { kind: 'body-camera ', quantity: 1 },
              ],
              training: [
                { course: '城市道路管理执法', hours: 6 },
                { course: '城市道路管理执法', hours: 2 },
              ],
            },
          }),
        )
        .thenFails({
          kind: 'invalid',
          errors: [
            { field: 'requirements.equipment[2].kind', message: "duplicate kind 'body-camera'" },
            { field: 'requirements.training[1].course', message: "duplicate course '城市道路管理执法'" },
          ],
        });
    });
  });

  describe('RevisePowerRequirements', () => {
    it('revises the requirements and carries the previous ones', () => {
      const item = catalogue.strawBurning();
      const raised: Requirements = { ...item.requirements, certifiedOfficers: 3 };
      const state = spec
        .given([registered(item)])
        .when(revise(raised))
        .then([{ type: 'PowerRequirementsRevised', data: { requirements: raised, previousRequirements: item.requirements } }]);
      expect(state).toMatchObject({ status: 'registered', requirements: raised });
    });

    it('applies every revision in turn', () => {
      const item = catalogue.littering();
      const first: Requirements = { ...item.requirements, equipment: [{ kind: 'body-camera', quantity: 3 }] };
      const second: Requirements = { ...first, training: [] };
      spec
        .given([
          registered(item),
          { type: 'PowerRequirementsRevised', data: { requirements: first, previousRequirements: item.requirements } },
        ])
        .when(revise(second))
        .then([{ type: 'PowerRequirementsRevised', data: { requirements: second, previousRequirements: first } }]);
    });

    it('records nothing when the requirements do not change', () => {
      spec
        .given([registered(catalogue.littering())])
        .when(revise(catalogue.littering().requirements))
        .thenNothing();
    });

    it('records nothing when only the order of lines or keys differs (jsonb reorders keys)', () => {
      const item = catalogue.littering();
      const stored: Requirements = {
        training: [{ hours: 4, course: '市容环卫执法实务' }],
        equipment: [
          { quantity: 1, kind: 'vehicle' },
          { quantity: 2, kind: 'body-camera' },
        ],
        certifiedOfficers: 2,
      };
      const reordered: Requirements = {
        certifiedOfficers: 2,
        equipment: [
          { kind: 'body-camera', quantity: 2 },
          { kind: 'vehicle', quantity: 1 },
        ],
        training: [{ course: '市容环卫执法实务', hours: 4 }],
      };
      spec
        .given([registered({ ...item, requirements: stored })])
        .when(revise(reordered))
        .thenNothing();
    });

    it('refuses to revise an item that is not registered', () => {
      spec.given([]).when(revise(catalogue.littering().requirements)).thenFails({ kind: 'not-found' });
    });

    it('keeps the two-officer floor of a penalty item', () => {
      spec
        .given([registered(catalogue.unlicensedPenalty())])
        .when(revise({ certifiedOfficers: 1, equipment: [], training: [] }))
        .thenFails({ kind: 'invalid', errors: [{ field: 'requirements.certifiedOfficers' }] });
    });

    it('validates the revised requirements', () => {
      spec
        .given([registered(catalogue.unlicensedPenalty())])
        .when(revise({ certifiedOfficers: 2, equipment: [{ kind: 'body-camera', quantity: -2 }], training: [{ course: ' ', hours: 8 }] }))
        .thenFails({
          kind: 'invalid',
          errors: [{ field: 'requirements.equipment[0].quantity' }, { field: 'requirements.training[0].course' }],
        });
    });
  });
});

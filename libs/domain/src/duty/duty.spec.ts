import { parsingFirst } from '../parsing';
import { DeciderSpecification } from '../testing/decider-specification';
import { COUNTY } from '../testing/sample-data';
import type { DutyCommand, DutyFields, RegisterDuty } from './commands';
import { dutyDecider } from './decider';
import { sameDuty } from './decide';
import type { DutyEvent, DutyRecord } from './events';
import { parseDutyCommand } from './parse';

/** The duty catalogue as the ledger runs it: each command parsed, then decided. */
const spec = DeciderSpecification.for(parsingFirst(dutyDecider, parseDutyCommand));

const garbage: DutyRecord = {
  countyId: COUNTY,
  code: 'ZZ-SH-001',
  name: '生活垃圾分类日常监督',
  domain: '生态环保',
  defaultCategory: 'basic',
  description: '督促辖区单位和居民落实生活垃圾分类',
  leadDepartment: '城市管理局',
  contact: '0874-3012345 综合行政执法队办公室',
};
const register = (data: RegisterDuty['data']): DutyCommand => ({ type: 'RegisterDuty', data });
const registered = (data: DutyRecord): DutyEvent => ({ type: 'DutyRegistered', data });
const revise = (data: DutyFields): DutyCommand => ({ type: 'ReviseDuty', data });
const fieldsOf = ({ countyId: _county, code: _code, ...fields }: DutyRecord): DutyFields => fields;

describe('duty item', () => {
  describe('RegisterDuty', () => {
    it('registers an item of the catalogue, trimming its text and leaving out blank optional fields', () => {
      spec
        .given([])
        .when(register({ ...garbage, code: ' ZZ-SH-001 ', name: ` ${garbage.name}\n`, legalBasis: '  ' }))
        .then([registered(garbage)]);
    });

    it('registers an item that stands for a power of the catalogue', () => {
      const item: DutyRecord = {
        countyId: COUNTY,
        code: 'ZF-001',
        name: '占道经营的处罚',
        domain: '综合执法',
        defaultCategory: 'basic',
        powerCode: 'CF-CG-0002',
      };
      spec.given([]).when(register(item)).thenState({ status: 'registered', powerCode: 'CF-CG-0002' });
    });

    it('refuses a code already in the catalogue (409)', () => {
      spec
        .given([registered(garbage)])
        .when(register(garbage))
        .thenFails({ kind: 'rule', code: 'duty-already-registered' });
    });

    it('names every bad field: code, name, a domain outside the eight, a default category outside the three, too long text', () => {
      spec
        .given([])
        .when(
          register({
            countyId: COUNTY,
            code: 'ZZ 001/',
            name: ' ',
            domain: '环保' as never,
            defaultCategory: ['basic', 'assisting'] as never,
            leadDepartment: 'x'.repeat(101),
            contact: 12345 as never,
          }),
        )
        .thenFails({
          kind: 'invalid',
          errors: [
            { field: 'code' },
            { field: 'name', message: 'must not be blank' },
            { field: 'domain' },
            { field: 'defaultCategory' },
            { field: 'leadDepartment' },
            { field: 'contact', message: 'must be text' },
          ],
        });
    });
  });

  describe('ReviseDuty', () => {
    it('revises the item, carrying the whole item', () => {
      const revised: DutyFields = { ...fieldsOf(garbage), defaultCategory: 'assisting', contact: '0874-3019999' };
      spec
        .given([registered(garbage)])
        .when(revise(revised))
        .then([{ type: 'DutyRevised', data: { countyId: COUNTY, code: garbage.code, ...revised } }]);
    });

    it('drops an optional field left out of the revision', () => {
      const { contact: _contact, ...withoutContact } = fieldsOf(garbage);
      const state = spec
        .given([registered(garbage)])
        .when(revise(withoutContact))
        .then([{ type: 'DutyRevised', data: { countyId: COUNTY, code: garbage.code, ...withoutContact } }]);
      expect(state).not.toHaveProperty('contact');
    });

    it('records nothing when nothing changes (a re-import of the same spreadsheet)', () => {
      spec
        .given([registered(garbage)])
        .when(revise({ ...fieldsOf(garbage), name: ` ${garbage.name} `, legalBasis: '' }))
        .thenNothing();
    });

    it('refuses to revise an item that is not in the catalogue', () => {
      spec
        .given([])
        .when(revise(fieldsOf(garbage)))
        .thenFails({ kind: 'not-found' });
    });

    it('validates the revision', () => {
      spec
        .given([registered(garbage)])
        .when(revise({ ...fieldsOf(garbage), domain: '教育' as never }))
        .thenFails({ kind: 'invalid', errors: [{ field: 'domain' }] });
    });
  });

  it('sameDuty: an absent field equals an absent one, any other difference counts', () => {
    expect(sameDuty(fieldsOf(garbage), { ...fieldsOf(garbage) })).toBe(true);
    expect(sameDuty(fieldsOf(garbage), { ...fieldsOf(garbage), contact: undefined })).toBe(false);
    expect(sameDuty(fieldsOf(garbage), { ...fieldsOf(garbage), domain: '其他' })).toBe(false);
  });
});

import { parseRegisterDuty, parseReviseDuty } from './parse';
import { DUTY_DOMAINS } from './terms';

const row = { countyId: 'county-zhanyi', code: 'MS-001', name: '城乡居民医保参保登记', domain: '民生服务', defaultCategory: 'assisting' };

describe('parsing duty commands (one spreadsheet row at a time)', () => {
  it('accepts each of the eight domains exactly', () => {
    for (const domain of DUTY_DOMAINS) expect(parseRegisterDuty({ ...row, domain }).ok).toBe(true);
    expect(parseRegisterDuty({ ...row, domain: ' 民生服务' }).ok).toBe(false);
  });

  it('names each bad field of a row, missing ones included', () => {
    const result = parseRegisterDuty({ countyId: 'county-zhanyi', powerCode: ['CF-1'] });
    expect(result.ok ? [] : result.error.map((error) => error.field)).toEqual(['code', 'name', 'domain', 'defaultCategory', 'powerCode']);
  });

  it('parses a revision without county or code', () => {
    expect(parseReviseDuty({ name: '城乡居民医保参保登记', domain: '民生服务', defaultCategory: 'basic', powerCode: ' CF-1 ' })).toEqual({
      ok: true,
      value: {
        type: 'ReviseDuty',
        data: { name: '城乡居民医保参保登记', domain: '民生服务', defaultCategory: 'basic', powerCode: 'CF-1' },
      },
    });
  });
});

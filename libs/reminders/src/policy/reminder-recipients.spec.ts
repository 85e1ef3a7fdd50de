import type { Gap } from '@fangquan/domain';
import { candidate } from '../../test/fixtures';
import { gapRecipientScope, selectRecipients, townshipRecipientScope } from './reminder-recipients';

const gap = (resource: Gap['resource'], item: string, responsible: string): Gap => ({
  resource,
  item,
  required: 2,
  available: 0,
  missing: 2,
  responsible,
});
const user = candidate;

const county = user('zy.office', 'county_admin');
const countyHead = user('zy.head', 'county_admin', { head: true });
const urban = user('zy.cg', 'department', { department: '城市管理局' });
const market = user('zy.sj', 'department', { department: '市场监管局' });
const urbanHead = user('zy.cg.head', 'department', { department: '城市管理局', head: true });
const xiping = user('xp.li', 'township', { townshipId: 't-xiping' });
const baishui = user('bs.wang', 'township', { townshipId: 't-baishui' });
const everyone = [county, countyHead, urban, market, urbanHead, xiping, baishui];

describe('recipients of a reminder', () => {
  it('reminds the department that committed a missing resource, and the county office for the rest', () => {
    const scope = gapRecipientScope(
      [gap('equipment', 'body-camera', '城市管理局'), gap('officers', 'certified-officer', 'county-office')],
      false,
    );
    expect(scope).toEqual({ departments: ['城市管理局'], countyOffice: true, countyOfficeHeads: false, townshipId: null });
    expect(selectRecipients(everyone, scope).map((u) => u.username)).toEqual(['zy.cg', 'zy.cg.head', 'zy.head', 'zy.office']);
  });

  it('reminds only the department when it alone is responsible', () => {
    const scope = gapRecipientScope([gap('training', '市容环卫执法实务', '城市管理局')], false);
    expect(selectRecipients(everyone, scope).map((u) => u.username)).toEqual(['zy.cg', 'zy.cg.head']);
  });

  it('adds the county office heads when escalated', () => {
    const scope = gapRecipientScope([gap('equipment', 'vehicle', '市场监管局')], true);
    expect(selectRecipients(everyone, scope).map((u) => u.username)).toEqual(['zy.head', 'zy.sj']);
  });

  it('reminds a township of its own handovers only', () => {
    expect(selectRecipients(everyone, townshipRecipientScope('t-xiping')).map((u) => u.username)).toEqual(['xp.li']);
  });

  it('names each user once', () => {
    const scope = gapRecipientScope([gap('officers', 'certified-officer', 'county-office')], true);
    expect(selectRecipients([...everyone, county], scope).map((u) => u.username)).toEqual(['zy.head', 'zy.office']);
  });
});

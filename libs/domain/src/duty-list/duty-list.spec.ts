import { parsingFirst } from '../parsing';
import { DeciderSpecification } from '../testing/decider-specification';
import { COUNTY, TOWNSHIP } from '../testing/sample-data';
import type { CatalogueDutyRef, DutyListCommand, SetDutyListItem } from './commands';
import { dutyListDecider } from './decider';
import type { DutyListEvent, DutyListPublished } from './events';
import type { ListedDuty } from './items';
import { parseDutyListCommand } from './parse';

/** A township's list as the ledger runs it: each command parsed, then decided. */
const spec = DeciderSpecification.for(parsingFirst(dutyListDecider, parseDutyListCommand));

const garbage: CatalogueDutyRef = { code: 'ST-001', defaultCategory: 'basic' };
const insurance: CatalogueDutyRef = {
  code: 'MS-001',
  defaultCategory: 'assisting',
  leadDepartment: '医保局',
  description: '入户宣传、收集材料',
};
const quarantine: CatalogueDutyRef = { code: 'ZF-009', defaultCategory: 'returned', leadDepartment: '农业农村局' };
const stalls: CatalogueDutyRef = { code: 'ZF-002', defaultCategory: 'assisting', powerCode: 'CF-CG-0002', leadDepartment: '城市管理局' };

const set = (
  dutyCode: string,
  category: unknown,
  more: { cooperation?: string; leadDepartment?: string } = {},
  duty: CatalogueDutyRef | null = garbage,
  activeHandoverPowers: string[] = [],
): DutyListCommand => ({
  type: 'SetDutyListItem',
  data: { dutyCode, category, ...more, duty, activeHandoverPowers } as SetDutyListItem['data'],
});
const itemSet = (data: Extract<DutyListEvent, { type: 'DutyListItemSet' }>['data']): DutyListEvent => ({ type: 'DutyListItemSet', data });
const compile = (catalogue: CatalogueDutyRef[], activeHandoverPowers: string[] = []): DutyListCommand => ({
  type: 'CompileDutyList',
  data: { catalogue, activeHandoverPowers },
});

const listed = (dutyCode: string, category: ListedDuty['category'], more: Partial<ListedDuty> = {}): ListedDuty => ({
  dutyCode,
  name: `事项 ${dutyCode}`,
  domain: '民生服务',
  category,
  source: 'list',
  ...(category === 'assisting' ? { cooperation: '入户宣传', leadDepartment: '医保局' } : {}),
  ...(category === 'returned' ? { leadDepartment: '农业农村局' } : {}),
  ...more,
});
const publish = (items: ListedDuty[], decisionRef = '沾政办发〔2025〕12号', note?: string): DutyListCommand => ({
  type: 'PublishDutyList',
  data: { countyId: COUNTY, townshipId: TOWNSHIP, decisionRef, ...(note === undefined ? {} : { note }), items },
});
const published = (version: number, items: ListedDuty[], changes: DutyListPublished['data']['changes']): DutyListEvent => ({
  type: 'DutyListPublished',
  data: {
    countyId: COUNTY,
    townshipId: TOWNSHIP,
    version,
    publishedAt: '2025-03-01T02:00:00.000Z',
    decisionRef: '沾政办发〔2025〕12号',
    items,
    changes,
  },
});
const none = { added: [], removed: [], recategorized: [], revised: [] };

describe('duty list', () => {
  describe('SetDutyListItem', () => {
    it('sets a basic item', () => {
      spec
        .given([])
        .when(set('ST-001', 'basic'))
        .then([itemSet({ dutyCode: 'ST-001', category: 'basic' })]);
    });

    it('sets an assisting item with what the township does and who leads', () => {
      spec
        .given([])
        .when(set('MS-001', 'assisting', { cooperation: ' 入户宣传、收集材料 ', leadDepartment: '医保局' }, insurance))
        .then([itemSet({ dutyCode: 'MS-001', category: 'assisting', cooperation: '入户宣传、收集材料', leadDepartment: '医保局' })]);
    });

    it('refuses an assisting item without cooperation or lead department, naming both (400)', () => {
      spec
        .given([])
        .when(set('MS-001', 'assisting', {}, insurance))
        .thenFails({ kind: 'invalid', errors: [{ field: 'cooperation' }, { field: 'leadDepartment' }] });
    });

    it('refuses a returned item without the department that takes it', () => {
      spec
        .given([])
        .when(set('ZF-009', 'returned', { cooperation: '报告线索' }, quarantine))
        .thenFails({ kind: 'invalid', errors: [{ field: 'leadDepartment', message: 'is required for a returned item' }] });
    });

    it.each([['core'], [['basic', 'returned']], ['basic,assisting'], [undefined]])(
      'refuses the category %j, naming category only',
      (category) => {
        spec
          .given([])
          .when(set('ST-001', category))
          .thenFails({ kind: 'invalid', errors: [{ field: 'category' }] });
      },
    );

    it('refuses a duty code that is not in the catalogue (404 naming the code)', () => {
      const error = spec
        .given([])
        .when(set('NO-SUCH', 'basic', {}, null))
        .thenFails({ kind: 'not-found' });
      expect(JSON.stringify(error)).toContain('NO-SUCH');
    });

    it('keeps a duty standing for a power held by an active handover basic', () => {
      spec
        .given([])
        .when(set('ZF-002', 'assisting', { cooperation: '配合巡查', leadDepartment: '城市管理局' }, stalls, ['CF-CG-0002']))
        .thenFails({ kind: 'rule', code: 'duty-held-by-handover' });
      spec
        .given([])
        .when(set('ZF-002', 'basic', {}, stalls, ['CF-CG-0002']))
        .then([itemSet({ dutyCode: 'ZF-002', category: 'basic' })]);
    });

    it('recategorizes an item, dropping what the new category does not use', () => {
      spec
        .given([itemSet({ dutyCode: 'MS-001', category: 'assisting', cooperation: '入户宣传', leadDepartment: '医保局' })])
        .when(set('MS-001', 'basic', { cooperation: '入户宣传', leadDepartment: '医保局' }, insurance))
        .then([itemSet({ dutyCode: 'MS-001', category: 'basic' })]);
    });

    it('records nothing when the item is already so', () => {
      spec
        .given([itemSet({ dutyCode: 'ST-001', category: 'basic' })])
        .when(set('ST-001', 'basic'))
        .thenNothing();
    });
  });

  describe('RemoveDutyListItem', () => {
    it('removes an item of the draft', () => {
      const state = spec
        .given([itemSet({ dutyCode: 'ST-001', category: 'basic' })])
        .when({ type: 'RemoveDutyListItem', data: { dutyCode: 'ST-001' } })
        .then([{ type: 'DutyListItemRemoved', data: { dutyCode: 'ST-001' } }]);
      expect(state.entries).toEqual({});
    });

    it('refuses to remove an item that is not on the draft (404)', () => {
      spec
        .given([])
        .when({ type: 'RemoveDutyListItem', data: { dutyCode: 'ST-001' } })
        .thenFails({ kind: 'not-found' });
    });
  });

  describe('CompileDutyList', () => {
    it('adds every catalogue item with its default category, the lead department and the description as cooperation', () => {
      spec
        .given([])
        .when(compile([garbage, insurance, quarantine]))
        .then([
          {
            type: 'DutyListCompiled',
            data: {
              added: [
                { dutyCode: 'ST-001', category: 'basic' },
                { dutyCode: 'MS-001', category: 'assisting', cooperation: '入户宣传、收集材料', leadDepartment: '医保局' },
                { dutyCode: 'ZF-009', category: 'returned', leadDepartment: '农业农村局' },
              ],
            },
          },
        ]);
    });

    it('adds only the missing items: those already there keep their category', () => {
      spec
        .given([itemSet({ dutyCode: 'MS-001', category: 'basic' })])
        .when(compile([insurance, garbage]))
        .then([{ type: 'DutyListCompiled', data: { added: [{ dutyCode: 'ST-001', category: 'basic' }] } }]);
    });

    it('adds a duty standing for a power held by an active handover as basic', () => {
      spec
        .given([])
        .when(compile([stalls], ['CF-CG-0002']))
        .then([{ type: 'DutyListCompiled', data: { added: [{ dutyCode: 'ZF-002', category: 'basic' }] } }]);
    });

    it('records nothing when nothing is missing', () => {
      spec
        .given([itemSet({ dutyCode: 'ST-001', category: 'returned', leadDepartment: '城市管理局' })])
        .when(compile([garbage]))
        .thenNothing();
    });
  });

  describe('PublishDutyList', () => {
    const first = [listed('ST-001', 'basic'), listed('MS-001', 'assisting'), listed('ZF-009', 'returned')];

    it('publishes version 1 with every item added', () => {
      spec
        .given([])
        .when(publish(first))
        .then([
          published(1, first, {
            ...none,
            added: [
              { dutyCode: 'ST-001', name: '事项 ST-001', category: 'basic' },
              { dutyCode: 'MS-001', name: '事项 MS-001', category: 'assisting' },
              { dutyCode: 'ZF-009', name: '事项 ZF-009', category: 'returned' },
            ],
          }),
        ]);
    });

    it('publishes version 2 with exactly what changed: added, removed, recategorized, revised', () => {
      const handed: ListedDuty = {
        powerCode: 'CF-CG-0002',
        handoverId: 'h-1',
        name: '占道经营的处罚',
        domain: '综合执法',
        category: 'basic',
        leadDepartment: '城市管理局',
        source: 'handover',
      };
      const next = [
        listed('ST-001', 'returned'),
        listed('MS-001', 'assisting', { cooperation: '入户宣传，不负责审核' }),
        handed,
        listed('PA-003', 'basic', { domain: '平安法治' }),
      ];
      const state = spec
        .given([published(1, first, none)])
        .when(publish(next, '沾政办发〔2025〕30号', '调整'))
        .thenState({ published: { version: 2, decisionRef: '沾政办发〔2025〕30号' } as never });
      expect(state.published?.items.map((item) => item.dutyCode ?? item.powerCode)).toEqual(['PA-003', 'CF-CG-0002', 'MS-001', 'ST-001']);
      const decision = dutyListDecider.decide(
        publish(next, '沾政办发〔2025〕30号', '调整'),
        dutyListDecider.evolve(dutyListDecider.initialState, published(1, first, none)),
        {
          now: '2025-04-01T02:00:00.000Z',
          today: '2025-04-01',
        },
      );
      expect(decision).toMatchObject({
        ok: true,
        events: [
          {
            data: {
              version: 2,
              note: '调整',
              publishedAt: '2025-04-01T02:00:00.000Z',
              changes: {
                added: [
                  { dutyCode: 'PA-003', name: '事项 PA-003', category: 'basic' },
                  { powerCode: 'CF-CG-0002', name: '占道经营的处罚', category: 'basic' },
                ],
                removed: [{ dutyCode: 'ZF-009', category: 'returned' }],
                recategorized: [{ dutyCode: 'ST-001', from: 'basic', to: 'returned' }],
                revised: [{ dutyCode: 'MS-001', category: 'assisting' }],
              },
            },
          },
        ],
      });
    });

    it('refuses to publish a draft the same as the last version (409), whatever the order of items', () => {
      spec
        .given([published(1, first, none)])
        .when(publish([...first].reverse()))
        .thenFails({ kind: 'rule', code: 'duty-list-unchanged' });
    });

    it('refuses to publish an empty list', () => {
      spec.given([]).when(publish([])).thenFails({ kind: 'rule', code: 'duty-list-empty' });
    });

    it('refuses to publish an assisting item that does not say what the township does', () => {
      const { cooperation: _cooperation, ...vague } = listed('MS-001', 'assisting');
      const error = spec
        .given([])
        .when(publish([vague]))
        .thenFails({ kind: 'rule', code: 'duty-list-incomplete' });
      expect(JSON.stringify(error)).toContain('MS-001 (cooperation)');
    });

    it('needs a decision reference', () => {
      spec
        .given([])
        .when(publish(first, '  '))
        .thenFails({ kind: 'invalid', errors: [{ field: 'decisionRef' }] });
    });
  });
});

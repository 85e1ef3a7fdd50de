import type { TeamCommand } from './commands';
import type { TeamEvent } from './events';
import { teamDecider } from './decider';
import { parseTeamCommand } from './parse';
import { parsingFirst } from '../parsing';
import { initialTeamState, teamCapacity, type TeamState } from './state';
import { contextOn, DeciderSpecification } from '../testing/decider-specification';
import { COUNTY, MARKET_REGULATION, officers, TEAM, teamFormed, TOWNSHIP } from '../testing/sample-data';
import { evolveAll } from '../decider';

/** The team as the ledger runs it: each command parsed, then decided. */
const spec = DeciderSpecification.for(parsingFirst(teamDecider, parseTeamCommand));
const { zhangWei, liNa, wangQiang } = officers;

const joined = (officer: {
  officerId: string;
  name: string;
  certificateNumber: string;
  certificateExpiresOn: string;
  secondedFrom?: string;
}): TeamEvent => ({
  type: 'OfficerJoined',
  data: { ...officer },
});
const add = (officer: Extract<TeamCommand, { type: 'AddOfficer' }>['data']): TeamCommand => ({ type: 'AddOfficer', data: officer });
const left = (officerId: string, reason?: string): TeamEvent => ({
  type: 'OfficerLeft',
  data: reason === undefined ? { officerId } : { officerId, reason },
});
const received = (kind: string, quantity: number): TeamEvent => ({ type: 'EquipmentReceived', data: { kind, quantity } });
const writtenOff = (kind: string, quantity: number, reason: string): TeamEvent => ({
  type: 'EquipmentWrittenOff',
  data: { kind, quantity, reason },
});
const trained = (trainingId: string, officerId: string, course: string, hours: number, completedOn: string): TeamEvent => ({
  type: 'TrainingCompleted',
  data: { trainingId, officerId, course, hours, completedOn },
});
const recordTraining = (data: Extract<TeamCommand, { type: 'RecordTraining' }>['data']): TeamCommand => ({ type: 'RecordTraining', data });

const withTwoOfficers = (): TeamEvent[] => [teamFormed(), joined(zhangWei), joined(liNa)];

describe('enforcement team', () => {
  describe('FormTeam', () => {
    const form: TeamCommand = {
      type: 'FormTeam',
      data: { teamId: TEAM, countyId: COUNTY, townshipId: TOWNSHIP, townshipName: '西平街道' },
    };

    it('forms the team of a township', () => {
      const state = spec.given([]).when(form).then([teamFormed()]);
      expect(state).toEqual({
        status: 'formed',
        teamId: TEAM,
        countyId: COUNTY,
        townshipId: TOWNSHIP,
        townshipName: '西平街道',
        officers: [],
        equipment: [],
        training: [],
      });
    });

    it('refuses a second team for the same township', () => {
      spec.given([teamFormed()]).when(form).thenFails({ kind: 'rule', code: 'team-already-formed' });
    });

    it('names every missing field', () => {
      spec
        .given([])
        .when({ type: 'FormTeam', data: { teamId: TEAM, countyId: '', townshipId: ' ', townshipName: '' } })
        .thenFails({ kind: 'invalid', errors: [{ field: 'countyId' }, { field: 'townshipId' }, { field: 'townshipName' }] });
    });

    it.each<TeamCommand>([
      { type: 'AddOfficer', data: zhangWei },
      { type: 'RemoveOfficer', data: { officerId: zhangWei.officerId } },
      { type: 'ReceiveEquipment', data: { kind: 'body-camera', quantity: 2 } },
      { type: 'WriteOffEquipment', data: { kind: 'body-camera', quantity: 1, reason: '损坏' } },
      {
        type: 'RecordTraining',
        data: { trainingId: 't-1', officerId: zhangWei.officerId, course: '行政处罚法', hours: 8, completedOn: '2025-02-20' },
      },
    ])('refuses $type before the team is formed (not found)', (command) => {
      spec.given([]).when(command).thenFails({ kind: 'not-found' });
    });
  });

  describe('AddOfficer', () => {
    it('adds a certified officer', () => {
      spec
        .given([teamFormed()])
        .when(add(zhangWei))
        .then([joined(zhangWei)]);
    });

    it('adds an officer seconded from a county department (下沉)', () => {
      const state = spec
        .given([teamFormed()])
        .when(add(wangQiang))
        .then([joined(wangQiang)]);
      expect(state).toMatchObject({ officers: [{ officerId: wangQiang.officerId, secondedFrom: MARKET_REGULATION }] });
    });

    it('leaves secondedFrom out when the officer is the township’s own', () => {
      spec
        .given([teamFormed()])
        .when(add({ ...zhangWei, name: ' 张伟 ' }))
        .then([
          {
            type: 'OfficerJoined',
            data: {
              officerId: zhangWei.officerId,
              name: '张伟',
              certificateNumber: zhangWei.certificateNumber,
              certificateExpiresOn: '2027-06-30',
            },
          },
        ]);
    });

    it('accepts an officer whose certificate has already expired (they just do not count as certified)', () => {
      const expired = { ...liNa, certificateExpiresOn: '2024-12-31' };
      spec
        .given([teamFormed()])
        .when(add(expired))
        .then([joined(expired)]);
    });

    it('names every bad field: blank name, impossible expiry date, seconding department not text', () => {
      spec
        .given([teamFormed()])
        .when(add({ ...zhangWei, name: '', certificateExpiresOn: '2027-02-29', secondedFrom: 42 as unknown as string }))
        .thenFails({
          kind: 'invalid',
          errors: [{ field: 'name' }, { field: 'certificateExpiresOn', message: 'must be a date YYYY-MM-DD' }, { field: 'secondedFrom' }],
        });
    });

    it('treats a blank seconding department as none', () => {
      spec
        .given([teamFormed()])
        .when(add({ ...zhangWei, secondedFrom: '  ' }))
        .then([joined(zhangWei)]);
    });

    it('refuses a certificate number already held by a current officer', () => {
      spec
        .given(withTwoOfficers())
        .when(add({ ...wangQiang, certificateNumber: liNa.certificateNumber }))
        .thenFails({ kind: 'rule', code: 'certificate-number-in-use' });
    });

    it('allows the certificate number of an officer who has left', () => {
      const rejoining = { ...wangQiang, certificateNumber: liNa.certificateNumber };
      spec
        .given([...withTwoOfficers(), left(liNa.officerId, '调离')])
        .when(add(rejoining))
        .then([joined(rejoining)]);
    });

    it('refuses an officer id already on the team', () => {
      spec
        .given(withTwoOfficers())
        .when(add({ ...wangQiang, officerId: zhangWei.officerId }))
        .thenFails({ kind: 'rule', code: 'officer-already-on-team' });
    });
  });

  describe('RemoveOfficer', () => {
    it('lets an officer leave with a reason', () => {
      const state = spec
        .given(withTwoOfficers())
        .when({ type: 'RemoveOfficer', data: { officerId: liNa.officerId, reason: '调回区市场监管局' } })
        .then([left(liNa.officerId, '调回区市场监管局')]);
      expect(state).toMatchObject({ officers: [{ officerId: zhangWei.officerId }] });
    });

    it('lets an officer leave without a reason', () => {
      spec
        .given(withTwoOfficers())
        .when({ type: 'RemoveOfficer', data: { officerId: zhangWei.officerId } })
        .then([left(zhangWei.officerId)]);
    });

    it('does not know an officer who is not on the team', () => {
      spec
        .given(withTwoOfficers())
        .when({ type: 'RemoveOfficer', data: { officerId: 'officer-unknown' } })
        .thenFails({ kind: 'not-found' });
    });

    it('does not know an officer who has already left', () => {
      spec
        .given([...withTwoOfficers(), left(liNa.officerId)])
        .when({ type: 'RemoveOfficer', data: { officerId: liNa.officerId } })
        .thenFails({ kind: 'not-found' });
    });
  });

  describe('ReceiveEquipment', () => {
    it('adds to what is on hand, kinds kept sorted', () => {
      const state = spec
        .given([teamFormed(), received('vehicle', 1), received('body-camera', 2)])
        .when({ type: 'ReceiveEquipment', data: { kind: 'body-camera', quantity: 3 } })
        .then([received('body-camera', 3)]);
      expect(state).toMatchObject({
        equipment: [
          { kind: 'body-camera', quantity: 5 },
          { kind: 'vehicle', quantity: 1 },
        ],
      });
    });

    it.each([0, -1, 1.5])('refuses a quantity of %p', (quantity) => {
      spec
        .given([teamFormed()])
        .when({ type: 'ReceiveEquipment', data: { kind: 'body-camera', quantity } })
        .thenFails({ kind: 'invalid', errors: [{ field: 'quantity' }] });
    });

    it('needs a kind', () => {
      spec
        .given([teamFormed()])
        .when({ type: 'ReceiveEquipment', data: { kind: ' ', quantity: 1 } })
        .thenFails({ kind: 'invalid', errors: [{ field: 'kind' }] });
    });
  });

  describe('WriteOffEquipment', () => {
    const given = (): TeamEvent[] => [teamFormed(), received('body-camera', 2), received('vehicle', 1)];

    it('writes off part of what is on hand', () => {
      const state = spec
        .given(given())
        .when({ type: 'WriteOffEquipment', data: { kind: 'body-camera', quantity: 1, reason: '执法记录仪损坏报废' } })
        .then([writtenOff('body-camera', 1, '执法记录仪损坏报废')]);
      expect(state).toMatchObject({
        equipment: [
          { kind: 'body-camera', quantity: 1 },
          { kind: 'vehicle', quantity: 1 },
        ],
      });
    });

    it('removes a kind written off entirely', () => {
      const state = spec
        .given(given())
        .when({ type: 'WriteOffEquipment', data: { kind: 'vehicle', quantity: 1, reason: '车辆报废' } })
        .then([writtenOff('vehicle', 1, '车辆报废')]);
      expect(state).toMatchObject({ equipment: [{ kind: 'body-camera', quantity: 2 }] });
    });

    it('refuses to write off more than is on hand', () => {
      spec
        .given(given())
        .when({ type: 'WriteOffEquipment', data: { kind: 'body-camera', quantity: 3, reason: '丢失' } })
        .thenFails({ kind: 'rule', code: 'insufficient-equipment', detail: 'Cannot write off 3 × body-camera: only 2 on hand' });
    });

    it('refuses to write off a kind the team does not have', () => {
      spec
        .given(given())
        .when({ type: 'WriteOffEquipment', data: { kind: 'drone', quantity: 1, reason: '丢失' } })
        .thenFails({ kind: 'rule', code: 'insufficient-equipment' });
    });

    it('needs a reason and a positive whole quantity', () => {
      spec
        .given(given())
        .when({ type: 'WriteOffEquipment', data: { kind: 'body-camera', quantity: 0, reason: '' } })
        .thenFails({ kind: 'invalid', errors: [{ field: 'quantity' }, { field: 'reason' }] });
    });
  });

  describe('RecordTraining', () => {
    const today = contextOn('2025-03-01');

    it('records completed training of an officer on the team', () => {
      const state = spec
        .given(withTwoOfficers())
        .when(
          recordTraining({
            trainingId: 'training-1',
            officerId: zhangWei.officerId,
            course: '无证无照经营查处',
            hours: 8,
            completedOn: '2025-02-20',
          }),
          today,
        )
        .then([trained('training-1', zhangWei.officerId, '无证无照经营查处', 8, '2025-02-20')]);
      expect(state).toMatchObject({ training: [{ trainingId: 'training-1', hours: 8 }] });
    });

    it('accepts training completed today', () => {
      spec
        .given(withTwoOfficers())
        .when(
          recordTraining({
            trainingId: 'training-1',
            officerId: liNa.officerId,
            course: '行政处罚法',
            hours: 2.5,
            completedOn: '2025-03-01',
          }),
          today,
        )
        .then([trained('training-1', liNa.officerId, '行政处罚法', 2.5, '2025-03-01')]);
    });

    it('refuses training completed after today', () => {
      spec
        .given(withTwoOfficers())
        .when(
          recordTraining({
            trainingId: 'training-1',
            officerId: liNa.officerId,
            course: '行政处罚法',
            hours: 4,
            completedOn: '2025-03-02',
          }),
          today,
        )
        .thenFails({ kind: 'invalid', errors: [{ field: 'completedOn', message: 'must not be after today (2025-03-01)' }] });
    });

    it('names every bad field', () => {
      spec
        .given(withTwoOfficers())
        .when(recordTraining({ trainingId: '', officerId: liNa.officerId, course: '', hours: 0, completedOn: '2025/02/01' }), today)
        .thenFails({
          kind: 'invalid',
          errors: [{ field: 'trainingId' }, { field: 'course' }, { field: 'hours' }, { field: 'completedOn' }],
        });
    });

    it('does not know an officer who is not on the team', () => {
      spec
        .given(withTwoOfficers())
        .when(
          recordTraining({
            trainingId: 'training-1',
            officerId: wangQiang.officerId,
            course: '行政处罚法',
            hours: 4,
            completedOn: '2025-02-01',
          }),
          today,
        )
        .thenFails({ kind: 'not-found' });
    });

    it('does not know an officer who has left', () => {
      spec
        .given([...withTwoOfficers(), left(liNa.officerId)])
        .when(
          recordTraining({
            trainingId: 'training-1',
            officerId: liNa.officerId,
            course: '行政处罚法',
            hours: 4,
            completedOn: '2025-02-01',
          }),
          today,
        )
        .thenFails({ kind: 'not-found' });
    });

    it('refuses the same training record twice', () => {
      spec
        .given([...withTwoOfficers(), trained('training-1', zhangWei.officerId, '行政处罚法', 4, '2025-02-01')])
        .when(
          recordTraining({
            trainingId: 'training-1',
            officerId: liNa.officerId,
            course: '行政处罚法',
            hours: 4,
            completedOn: '2025-02-01',
          }),
          today,
        )
        .thenFails({ kind: 'rule', code: 'training-already-recorded' });
    });
  });

  describe('teamCapacity', () => {
    it('is empty before the team is formed', () => {
      expect(teamCapacity(initialTeamState)).toEqual({ officers: [], equipment: [], training: [] });
    });

    it('counts current officers, equipment on hand and the training of current officers only', () => {
      const state: TeamState = evolveAll(teamDecider, teamDecider.initialState, [
        ...withTwoOfficers(),
        joined(wangQiang),
        received('body-camera', 3),
        writtenOff('body-camera', 1, '损坏'),
        trained('training-1', zhangWei.officerId, '无证无照经营查处', 8, '2025-01-10'),
        trained('training-2', liNa.officerId, '无证无照经营查处', 8, '2025-01-10'),
        left(liNa.officerId, '调离'),
      ]);
      // The history keeps the training of the officer who left …
      expect(state).toMatchObject({ training: [{ trainingId: 'training-1' }, { trainingId: 'training-2' }] });
      // … but capacity does not count it.
      expect(teamCapacity(state)).toEqual({
        officers: [
          {
            officerId: zhangWei.officerId,
            certificateNumber: zhangWei.certificateNumber,
            certificateExpiresOn: zhangWei.certificateExpiresOn,
          },
          {
            officerId: wangQiang.officerId,
            certificateNumber: wangQiang.certificateNumber,
            certificateExpiresOn: wangQiang.certificateExpiresOn,
          },
        ],
        equipment: [{ kind: 'body-camera', quantity: 2 }],
        training: [{ officerId: zhangWei.officerId, course: '无证无照经营查处', hours: 8 }],
      });
    });

    it('counts the old training again when an officer rejoins', () => {
      const state = evolveAll(teamDecider, teamDecider.initialState, [
        ...withTwoOfficers(),
        trained('training-2', liNa.officerId, '行政处罚法', 8, '2025-01-10'),
        left(liNa.officerId),
        joined(liNa),
      ]);
      expect(teamCapacity(state).training).toEqual([{ officerId: liNa.officerId, course: '行政处罚法', hours: 8 }]);
    });
  });
});

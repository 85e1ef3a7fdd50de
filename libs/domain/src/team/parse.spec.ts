import { HOURS_MAX, LABEL_MAX, QUANTITY_MAX, TEXT_MAX } from '../limits';
import {
  parseAddOfficer,
  parseFormTeam,
  parseReceiveEquipment,
  parseRecordTraining,
  parseRemoveOfficer,
  parseTeamCommand,
  parseWriteOffEquipment,
} from './parse';

const fields = (result: { ok: boolean; error?: Array<{ field: string }> }): string[] =>
  result.ok ? [] : result.error!.map((e) => e.field);

describe('parsing team commands', () => {
  it('parses the forming of a team, naming what is missing', () => {
    const team = { teamId: 't-1', countyId: 'c-1', townshipId: 'tw-1', townshipName: '西平街道' };
    expect(parseFormTeam(team)).toEqual({ ok: true, value: { type: 'FormTeam', data: team } });
    expect(fields(parseFormTeam({ teamId: 't-1' }))).toEqual(['countyId', 'townshipId', 'townshipName']);
  });

  it('parses an officer joining, trimming text; a blank secondment is none', () => {
    expect(
      parseAddOfficer({
        officerId: 'o-1',
        name: ' 王强 ',
        certificateNumber: '5303',
        certificateExpiresOn: '2028-03-31',
        secondedFrom: ' ',
      }),
    ).toEqual({
      ok: true,
      value: {
        type: 'AddOfficer',
        data: { officerId: 'o-1', name: '王强', certificateNumber: '5303', certificateExpiresOn: '2028-03-31' },
      },
    });
    expect(
      fields(
        parseAddOfficer({ officerId: 'o-1', name: 'x'.repeat(LABEL_MAX + 1), certificateNumber: 5303, certificateExpiresOn: '2028-02-30' }),
      ),
    ).toEqual(['name', 'certificateNumber', 'certificateExpiresOn']);
  });

  it('parses an officer leaving, with an optional reason', () => {
    expect(parseRemoveOfficer({ officerId: 'o-1' })).toEqual({ ok: true, value: { type: 'RemoveOfficer', data: { officerId: 'o-1' } } });
    expect(fields(parseRemoveOfficer({ officerId: '', reason: 'x'.repeat(TEXT_MAX + 1) }))).toEqual(['officerId', 'reason']);
  });

  it('parses equipment received and written off: whole quantities from 1 up to the limit, a reason to write off', () => {
    expect(parseReceiveEquipment({ kind: 'body-camera', quantity: 2 })).toEqual({
      ok: true,
      value: { type: 'ReceiveEquipment', data: { kind: 'body-camera', quantity: 2 } },
    });
    expect(fields(parseReceiveEquipment({ kind: '', quantity: QUANTITY_MAX + 1 }))).toEqual(['kind', 'quantity']);
    expect(fields(parseWriteOffEquipment({ kind: 'body-camera', quantity: 1.5 }))).toEqual(['quantity', 'reason']);
  });

  it('parses a training completed; whether it lies in the future is for decide', () => {
    const training = { trainingId: 'tr-1', officerId: 'o-1', course: '执法实务', hours: 8, completedOn: '2099-01-01' };
    expect(parseRecordTraining(training)).toEqual({ ok: true, value: { type: 'RecordTraining', data: training } });
    expect(fields(parseRecordTraining({ ...training, hours: HOURS_MAX + 1, completedOn: 'today' }))).toEqual(['hours', 'completedOn']);
  });

  it('dispatches each command to its parser', () => {
    expect(parseTeamCommand({ type: 'ReceiveEquipment', data: { kind: ' vehicle ', quantity: 1 } })).toEqual({
      ok: true,
      value: { type: 'ReceiveEquipment', data: { kind: 'vehicle', quantity: 1 } },
    });
  });
});

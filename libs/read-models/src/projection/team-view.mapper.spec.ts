import type { TeamEvent } from '@fangquan/domain';
import { officers, teamFormed } from '../../../domain/src/testing/sample-data';
import type { TeamView } from '../entities/team-view.entity';
import { applyTeamEvent, capacityOf } from './team-view.mapper';

describe('applyTeamEvent', () => {
  const events: TeamEvent[] = [
    teamFormed(),
    { type: 'OfficerJoined', data: officers.zhangWei },
    { type: 'OfficerJoined', data: officers.liNa },
    { type: 'EquipmentReceived', data: { kind: 'vehicle', quantity: 1 } },
    { type: 'EquipmentReceived', data: { kind: 'body-camera', quantity: 3 } },
    { type: 'EquipmentWrittenOff', data: { kind: 'vehicle', quantity: 1, reason: '报废' } },
    {
      type: 'TrainingCompleted',
      data: { trainingId: 't1', officerId: officers.liNa.officerId, course: '市容环卫执法实务', hours: 4, completedOn: '2025-05-20' },
    },
    { type: 'OfficerLeft', data: { officerId: officers.liNa.officerId } },
  ];
  const fold = (upTo: number): TeamView | null =>
    events
      .slice(0, upTo)
      .reduce<TeamView | null>(
        (row, event, index) => applyTeamEvent(row, event, { version: index + 1, occurredAt: new Date(2025, 5, index + 1) }),
        null,
      );

  it('keeps the team as the domain evolves it', () => {
    const row = fold(events.length);
    expect(row).toMatchObject({
      teamId: 'team-xiping',
      townshipName: '西平街道',
      officers: [officers.zhangWei],
      equipment: [{ kind: 'body-camera', quantity: 3 }],
      version: 8,
    });
    // Training of an officer who left stays on record; readiness no longer counts it.
    expect(row?.training).toHaveLength(1);
    expect(capacityOf(row).training).toEqual([]);
    expect(capacityOf(fold(7)).training).toEqual([{ officerId: officers.liNa.officerId, course: '市容环卫执法实务', hours: 4 }]);
  });

  it('ignores events of a team never formed', () => {
    expect(applyTeamEvent(null, { type: 'OfficerJoined', data: officers.zhangWei }, { version: 2, occurredAt: new Date() })).toBeNull();
    expect(capacityOf(null)).toEqual({ officers: [], equipment: [], training: [] });
  });
});

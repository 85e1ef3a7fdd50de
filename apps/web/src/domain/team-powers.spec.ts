import { describe, expect, it } from 'vitest';
import { aHandover, aPower, aTeam } from './fixtures';
import { committedDelivery, readinessLostIfOfficerLeaves } from './team-powers';

const today = '2026-01-10';

describe("an officer's leaving", () => {
  it('names the ready accepted or active powers it would leave with gaps, and only those', () => {
    const team = aTeam();
    const needsTwo = aPower({ code: 'P-2', requirements: { certifiedOfficers: 2, equipment: [], training: [] } });
    const needsOne = aPower({ code: 'P-1', requirements: { certifiedOfficers: 1, equipment: [], training: [] } });
    const held = [
      { handover: aHandover({ id: 'active-2', powerCode: 'P-2', status: 'active' }), power: needsTwo },
      { handover: aHandover({ id: 'accepted-2', powerCode: 'P-2', status: 'accepted' }), power: needsTwo },
      { handover: aHandover({ id: 'active-1', powerCode: 'P-1', status: 'active' }), power: needsOne },
      { handover: aHandover({ id: 'recorded-2', powerCode: 'P-2', status: 'recorded' }), power: needsTwo },
      { handover: aHandover({ id: 'revoked-2', powerCode: 'P-2', status: 'revoked' }), power: needsTwo },
    ];
    const lost = readinessLostIfOfficerLeaves(held, team, 'o-1', today);
    expect(lost.map((entry) => entry.handover.id)).toEqual(['active-2', 'accepted-2']);
    expect(lost[0]?.gaps).toEqual([expect.objectContaining({ resource: 'officers', required: 2, available: 1, missing: 1 })]);
  });

  it('names nothing for a power already short before the officer leaves', () => {
    const short = aPower({ requirements: { certifiedOfficers: 3, equipment: [], training: [] } });
    expect(readinessLostIfOfficerLeaves([{ handover: aHandover(), power: short }], aTeam(), 'o-1', today)).toEqual([]);
  });
});

describe('committed resources, delivered or not yet', () => {
  it('matches officers by certificate, equipment by the quantity on hand, training by a current officer’s hours', () => {
    const team = aTeam({ training: [{ trainingId: 't-1', officerId: 'o-1', course: '执法实务', hours: 8, completedOn: '2025-12-01' }] });
    const lines = committedDelivery(
      {
        officers: [
          { name: '王芳', certificateNumber: 'Z-2', certificateExpiresOn: '2030-01-01' },
          { name: '赵强', certificateNumber: 'Z-9', certificateExpiresOn: '2030-01-01' },
        ],
        equipment: [
          { kind: 'body-camera', quantity: 2 },
          { kind: 'vehicle', quantity: 1 },
        ],
        training: [
          { course: '执法实务', hours: 8, scheduledOn: '2025-12-01' },
          { course: '安全生产', hours: 4, scheduledOn: '2026-03-01' },
        ],
      },
      team,
    );
    expect(lines.map((line) => [line.resource, line.delivered])).toEqual([
      ['officers', true],
      ['officers', false],
      ['equipment', true],
      ['equipment', false],
      ['training', true],
      ['training', false],
    ]);
  });
});

import { catalogue } from '../../../domain/src/testing/sample-data';
import { applyPowerEvent } from './power-view.mapper';

describe('applyPowerEvent', () => {
  const at = (version: number) => ({ version, occurredAt: new Date(`2025-06-0${version}T02:00:00Z`) });

  it('registers, then revises the requirements', () => {
    const item = catalogue.littering();
    const registered = applyPowerEvent(null, { type: 'PowerItemRegistered', data: item }, at(1));
    expect(registered).toEqual({ ...item, version: 1, updatedAt: at(1).occurredAt });
    const raised = { ...item.requirements, certifiedOfficers: 3 };
    const revised = applyPowerEvent(
      registered,
      { type: 'PowerRequirementsRevised', data: { requirements: raised, previousRequirements: item.requirements } },
      at(2),
    );
    expect(revised).toEqual({ ...item, requirements: raised, version: 2, updatedAt: at(2).occurredAt });
  });

  it('does not invent an item from a revision', () => {
    const { requirements } = catalogue.littering();
    expect(
      applyPowerEvent(null, { type: 'PowerRequirementsRevised', data: { requirements, previousRequirements: requirements } }, at(2)),
    ).toBeNull();
  });
});

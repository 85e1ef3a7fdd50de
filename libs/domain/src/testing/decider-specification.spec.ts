import { DeciderSpecification } from './decider-specification';
import { teamDecider } from '../team/decider';
import { teamFormed } from './sample-data';
import type { TeamCommand } from '../team/commands';

const spec = DeciderSpecification.for(teamDecider);
const receive: TeamCommand = { type: 'ReceiveEquipment', data: { kind: 'body-camera', quantity: 2 } };

describe('DeciderSpecification really asserts', () => {
  it('fails then() on other events', () => {
    expect(() =>
      spec
        .given([teamFormed()])
        .when(receive)
        .then([{ type: 'EquipmentReceived', data: { kind: 'body-camera', quantity: 3 } }]),
    ).toThrow();
  });

  it('fails then() on a refusal', () => {
    expect(() => spec.given([]).when(receive).then([])).toThrow(/Expected success/);
  });

  it('fails thenFails() on a success or another error', () => {
    expect(() => spec.given([teamFormed()]).when(receive).thenFails({ kind: 'not-found' })).toThrow();
    expect(() => spec.given([]).when(receive).thenFails({ kind: 'rule' })).toThrow();
  });

  it('fails thenNothing() when events are produced', () => {
    expect(() => spec.given([teamFormed()]).when(receive).thenNothing()).toThrow();
  });

  it('fails thenState() on another state', () => {
    expect(() => spec.given([teamFormed()]).when(receive).thenState({ equipment: [] })).toThrow();
  });
});

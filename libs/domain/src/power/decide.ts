import { exhaustive, type Decision } from '../decider';
import { accept, invalid, notFound, refuse, rule, RuleCodes, type FieldError } from '../domain-error';
import type { PowerCategory, Requirements } from '../resources';
import type { PowerItemCommand, RegisterPowerItem, RevisePowerRequirements } from './commands';
import type { PowerItemEvent } from './events';
import type { PowerItemState, RegisteredPowerItem } from './state';

/** Categories whose every case needs two enforcement officers, and the law that says so. */
const TWO_OFFICER_RULE: Partial<Record<PowerCategory, string>> = {
  penalty: 'Administrative Penalty Law art. 42',
  coercion: 'Administrative Compulsion Law art. 18',
};

/** The rules of the catalogue: the two-officer floor of the law, one registration per code. Commands come parsed (`parsePowerItemCommand`). */
export function decidePowerItem(command: PowerItemCommand, state: PowerItemState): Decision<PowerItemEvent> {
  switch (command.type) {
    case 'RegisterPowerItem':
      return register(command, state);
    case 'RevisePowerRequirements':
      return revise(command, state);
    default:
      return exhaustive(command, 'power item command');
  }
}

function register({ data }: RegisterPowerItem, state: PowerItemState): Decision<PowerItemEvent> {
  const floor = twoOfficerFloor(data.category, data.requirements);
  if (floor !== null) return refuse(invalid([floor]));
  if (state.status !== 'none') {
    return refuse(rule(RuleCodes.powerAlreadyRegistered, `Power item ${state.code} is already registered in this county`));
  }
  return accept({ type: 'PowerItemRegistered', data });
}

function revise({ data }: RevisePowerRequirements, state: PowerItemState): Decision<PowerItemEvent> {
  if (state.status === 'none') return refuse(notFound('Power item is not registered'));
  const { requirements } = data;
  const floor = twoOfficerFloor(state.category, requirements);
  if (floor !== null) return refuse(invalid([floor]));
  if (sameRequirements(requirements, state)) return accept();
  return accept({
    type: 'PowerRequirementsRevised',
    data: { requirements, previousRequirements: state.requirements },
  });
}

/** Penalties and coercive measures are carried out by two certified officers at least; null when the requirements respect that. */
function twoOfficerFloor(category: PowerCategory, requirements: Requirements): FieldError | null {
  const law = TWO_OFFICER_RULE[category];
  if (law === undefined || requirements.certifiedOfficers >= 2) return null;
  return { field: 'requirements.certifiedOfficers', message: `a ${category} item needs at least 2 certified officers (${law})` };
}

/** Same officers, equipment and training, whatever the order of lines or of keys (jsonb reorders keys). */
function sameRequirements(requirements: Requirements, state: RegisteredPowerItem): boolean {
  return canonicalRequirements(requirements) === canonicalRequirements(state.requirements);
}

function canonicalRequirements(requirements: Requirements): string {
  const equipment = requirements.equipment
    .map((line) => [line.kind, line.quantity] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const training = requirements.training.map((line) => [line.course, line.hours] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([requirements.certifiedOfficers, equipment, training]);
}

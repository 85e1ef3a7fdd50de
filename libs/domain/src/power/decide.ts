import { exhaustive, type Decision } from '../decider';
import { accept, invalid, notFound, refuse, rule, RuleCodes } from '../domain-error';
import { POWER_CATEGORIES, type EquipmentLine, type PowerCategory, type Requirements } from '../resources';
import {
  isRecord,
  rejectDuplicates,
  requireInteger,
  requireList,
  requireOneOf,
  requirePositiveNumber,
  requireText,
  type FieldErrors,
} from '../validation';
import type { PowerItemCommand, RegisterPowerItem, RevisePowerRequirements } from './commands';
import type { PowerItemEvent } from './events';
import type { PowerItemState, RegisteredPowerItem } from './state';

/** Categories whose every case needs two enforcement officers, and the law that says so. */
const TWO_OFFICER_RULE: Partial<Record<PowerCategory, string>> = {
  penalty: 'Administrative Penalty Law art. 42',
  coercion: 'Administrative Compulsion Law art. 18',
};

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

function register(command: RegisterPowerItem, state: PowerItemState): Decision<PowerItemEvent> {
  const { data } = command;
  const errors: FieldErrors = [];
  const countyId = requireText(errors, 'countyId', data.countyId);
  const code = requireText(errors, 'code', data.code);
  const name = requireText(errors, 'name', data.name);
  const category = requireOneOf(errors, 'category', data.category, POWER_CATEGORIES);
  const legalBasis = requireText(errors, 'legalBasis', data.legalBasis);
  const department = requireText(errors, 'department', data.department);
  const categoryValid = !errors.some((error) => error.field === 'category');
  const requirements = parseRequirements(errors, data.requirements, categoryValid ? category : undefined);
  if (errors.length > 0) return refuse(invalid(errors));
  if (state.status !== 'none') {
    return refuse(rule(RuleCodes.powerAlreadyRegistered, `Power item ${state.code} is already registered in this county`));
  }
  return accept({
    type: 'PowerItemRegistered',
    data: { countyId, code, name, category, legalBasis, department, requirements },
  });
}

function revise(command: RevisePowerRequirements, state: PowerItemState): Decision<PowerItemEvent> {
  if (state.status === 'none') return refuse(notFound('Power item is not registered'));
  const errors: FieldErrors = [];
  const requirements = parseRequirements(errors, command.data.requirements, state.category);
  if (errors.length > 0) return refuse(invalid(errors));
  if (sameRequirements(requirements, state)) return accept();
  return accept({
    type: 'PowerRequirementsRevised',
    data: { requirements, previousRequirements: state.requirements },
  });
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

/** Validates and normalises requirements; field paths start with `requirements`. */
export function parseRequirements(errors: FieldErrors, value: unknown, category: PowerCategory | undefined): Requirements {
  const field = 'requirements';
  if (!isRecord(value)) {
    errors.push({ field, message: 'is required' });
    return { certifiedOfficers: 0, equipment: [], training: [] };
  }
  const certifiedOfficers = requireInteger(errors, `${field}.certifiedOfficers`, value.certifiedOfficers, 0);
  const law = category === undefined ? undefined : TWO_OFFICER_RULE[category];
  if (law !== undefined && Number.isInteger(value.certifiedOfficers) && certifiedOfficers >= 0 && certifiedOfficers < 2) {
    errors.push({
      field: `${field}.certifiedOfficers`,
      message: `a ${category} item needs at least 2 certified officers (${law})`,
    });
  }

  const equipment: EquipmentLine[] = requireList(errors, `${field}.equipment`, value.equipment).map((line, index) => {
    const path = `${field}.equipment[${index}]`;
    if (!isRecord(line)) {
      errors.push({ field: path, message: 'must be an object { kind, quantity }' });
      return { kind: '', quantity: 0 };
    }
    return {
      kind: requireText(errors, `${path}.kind`, line.kind),
      quantity: requireInteger(errors, `${path}.quantity`, line.quantity, 1),
    };
  });
  rejectDuplicates(
    errors,
    (index) => `${field}.equipment[${index}].kind`,
    equipment.map((line) => line.kind),
    'kind',
  );

  const training = requireList(errors, `${field}.training`, value.training).map((line, index) => {
    const path = `${field}.training[${index}]`;
    if (!isRecord(line)) {
      errors.push({ field: path, message: 'must be an object { course, hours }' });
      return { course: '', hours: 0 };
    }
    return {
      course: requireText(errors, `${path}.course`, line.course),
      hours: requirePositiveNumber(errors, `${path}.hours`, line.hours),
    };
  });
  rejectDuplicates(
    errors,
    (index) => `${field}.training[${index}].course`,
    training.map((line) => line.course),
    'course',
  );

  return { certifiedOfficers, equipment, training };
}

import { exhaustive } from '../decider';
import type { FieldError } from '../domain-error';
import { CERTIFIED_OFFICERS_MAX, LABEL_MAX, TEXT_MAX } from '../limits';
import { parseEquipmentLines, parseTrainingLines } from '../parse-resources';
import { parsedOr, type Result } from '../parsing';
import { POWER_CATEGORIES, type Requirements } from '../resources';
import { checkAtMost, isRecord, requireInteger, requireOneOf, requireText, type FieldErrors } from '../validation';
import type { PowerItemCommand, RegisterPowerItem, RevisePowerRequirements } from './commands';

/** The shape of each power item command; the rules of the law (two officers for penalties and coercion) are `decide`'s. */
export function parsePowerItemCommand(command: PowerItemCommand): Result<PowerItemCommand, FieldError[]> {
  switch (command.type) {
    case 'RegisterPowerItem':
      return parseRegisterPowerItem(command.data);
    case 'RevisePowerRequirements':
      return parseRevisePowerRequirements(command.data);
    default:
      return exhaustive(command, 'power item command');
  }
}

export function parseRegisterPowerItem(input: unknown): Result<RegisterPowerItem, FieldError[]> {
  const data = isRecord(input) ? input : {};
  const errors: FieldErrors = [];
  const countyId = requireText(errors, 'countyId', data.countyId);
  const code = requireText(errors, 'code', data.code);
  const name = requireText(errors, 'name', data.name, TEXT_MAX);
  const category = requireOneOf(errors, 'category', data.category, POWER_CATEGORIES);
  const legalBasis = requireText(errors, 'legalBasis', data.legalBasis, TEXT_MAX);
  const department = requireText(errors, 'department', data.department, LABEL_MAX);
  const requirements = parseRequirements(errors, data.requirements);
  return parsedOr(errors, {
    type: 'RegisterPowerItem',
    data: { countyId, code, name, category, legalBasis, department, requirements },
  });
}

export function parseRevisePowerRequirements(input: unknown): Result<RevisePowerRequirements, FieldError[]> {
  const data = isRecord(input) ? input : {};
  const errors: FieldErrors = [];
  const requirements = parseRequirements(errors, data.requirements);
  return parsedOr(errors, { type: 'RevisePowerRequirements', data: { requirements } });
}

/** Validates and normalises requirements; field paths start with `requirements`. */
export function parseRequirements(errors: FieldErrors, value: unknown): Requirements {
  const field = 'requirements';
  if (!isRecord(value)) {
    errors.push({ field, message: 'is required' });
    return { certifiedOfficers: 0, equipment: [], training: [] };
  }
  const certifiedOfficers = requireInteger(errors, `${field}.certifiedOfficers`, value.certifiedOfficers, 0);
  checkAtMost(errors, `${field}.certifiedOfficers`, value.certifiedOfficers, CERTIFIED_OFFICERS_MAX);

  const equipment = parseEquipmentLines(errors, `${field}.equipment`, value.equipment, false);

  const training = parseTrainingLines(errors, `${field}.training`, value.training, false);

  return { certifiedOfficers, equipment, training };
}

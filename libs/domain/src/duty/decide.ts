import { exhaustive, type Decision } from '../decider';
import { accept, notFound, refuse, rule, RuleCodes } from '../domain-error';
import type { DutyCommand, DutyFields } from './commands';
import type { DutyEvent } from './events';
import type { DutyState } from './state';

/** The rules of the duty catalogue: one registration per code; a revision that changes nothing records nothing. Commands come parsed. */
export function decideDuty(command: DutyCommand, state: DutyState): Decision<DutyEvent> {
  switch (command.type) {
    case 'RegisterDuty':
      if (state.status !== 'none') {
        return refuse(rule(RuleCodes.dutyAlreadyRegistered, `Duty item ${state.code} is already in this county's catalogue`));
      }
      return accept({ type: 'DutyRegistered', data: command.data });
    case 'ReviseDuty': {
      if (state.status === 'none') return refuse(notFound('Duty item is not in the catalogue'));
      if (sameDuty(command.data, state)) return accept();
      return accept({ type: 'DutyRevised', data: { countyId: state.countyId, code: state.code, ...command.data } });
    }
    default:
      return exhaustive(command, 'duty command');
  }
}

const DUTY_FIELDS = ['name', 'domain', 'defaultCategory', 'description', 'legalBasis', 'leadDepartment', 'powerCode', 'contact'] as const;

/** The same name, domain, default category and optional fields (an absent field equals an absent one): a re-import changes nothing. */
export function sameDuty(a: DutyFields, b: DutyFields): boolean {
  return DUTY_FIELDS.every((field) => a[field] === b[field]);
}

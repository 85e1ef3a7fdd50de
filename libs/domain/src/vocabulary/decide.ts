import { exhaustive, type Decision } from '../decider';
import { accept, invalid, notFound, refuse, rule, RuleCodes } from '../domain-error';
import { requireOneOf, requireText, type FieldErrors } from '../validation';
import type { AddTerm, EstablishVocabulary, RenameTerm, VocabularyCommand } from './commands';
import type { VocabularyEvent } from './events';
import { parseTerm, parseTerms } from './parse';
import { termOf, type EstablishedVocabulary, type VocabularyState } from './state';
import { VOCABULARIES } from './terms';

/** A county's vocabulary: the county office adds terms and renames them; a term is never removed (records carry its code). */
export function decideVocabulary(command: VocabularyCommand, state: VocabularyState): Decision<VocabularyEvent> {
  switch (command.type) {
    case 'EstablishVocabulary':
      return establish(command, state);
    case 'AddTerm':
      return add(command, state);
    case 'RenameTerm':
      return rename(command, state);
    default:
      return exhaustive(command, 'vocabulary command');
  }
}

function establish(command: EstablishVocabulary, state: VocabularyState): Decision<VocabularyEvent> {
  const errors: FieldErrors = [];
  const countyId = requireText(errors, 'countyId', command.data.countyId);
  const vocabulary = requireOneOf(errors, 'vocabulary', command.data.vocabulary, VOCABULARIES);
  const terms = parseTerms(errors, command.data.terms);
  if (errors.length > 0) return refuse(invalid(errors));
  if (state.status !== 'none')
    return refuse(rule(RuleCodes.vocabularyAlreadyEstablished, `The county's ${vocabulary} are already established`));
  return accept({ type: 'VocabularyEstablished', data: { countyId, vocabulary, terms } });
}

function add(command: AddTerm, state: VocabularyState): Decision<VocabularyEvent> {
  const errors: FieldErrors = [];
  const term = parseTerm(errors, command.data);
  if (errors.length > 0) return refuse(invalid(errors));
  if (state.status === 'none') return refuse(notFound('The county has no vocabulary of this kind'));
  const existing = termOf(state, term.code);
  if (existing !== undefined) {
    if (existing.name === term.name) return accept();
    return refuse(rule(RuleCodes.termAlreadyInVocabulary, `${term.code} is already in the vocabulary, named ${existing.name}`));
  }
  const refusal = nameTaken(state, term.code, term.name);
  if (refusal !== undefined) return refusal;
  return accept({ type: 'VocabularyTermAdded', data: term });
}

function rename(command: RenameTerm, state: VocabularyState): Decision<VocabularyEvent> {
  const errors: FieldErrors = [];
  const term = parseTerm(errors, command.data);
  if (errors.length > 0) return refuse(invalid(errors));
  const existing = termOf(state, term.code);
  if (state.status === 'none' || existing === undefined) return refuse(notFound(`${term.code} is not in the vocabulary`));
  if (existing.name === term.name) return accept();
  const refusal = nameTaken(state, term.code, term.name);
  if (refusal !== undefined) return refusal;
  return accept({ type: 'VocabularyTermRenamed', data: { ...term, previousName: existing.name } });
}

/** Two terms of one vocabulary never share a name: people pick them from a list by name. */
function nameTaken(state: EstablishedVocabulary, code: string, name: string): Decision<VocabularyEvent> | undefined {
  const holder = state.terms.find((term) => term.name === name && term.code !== code);
  return holder === undefined ? undefined : refuse(rule(RuleCodes.termNameInUse, `The name ${name} is already that of ${holder.code}`));
}

import { exhaustive, type Decision, type DecisionContext } from '../decider';
import { accept, notFound, refuse, rule, RuleCodes } from '../domain-error';
import { withoutAbsent } from '../duty/parse';
import type { CompileDutyList, DutyListCommand, PublishDutyList, RemoveDutyListItem, SetDutyListItem } from './commands';
import type { DutyListEvent } from './events';
import type { DutyListEntry } from './items';
import { dutyListChanges, listedDutyKey, missingForCategory, noChanges, sortListedDuties } from './resolve';
import type { DutyListState } from './state';

/**
 * The rules of a township's list: items are catalogue duties; a duty standing for a power the township
 * holds by an active handover is `basic`; a version is published only when it differs from the last one
 * and every `assisting`/`returned` item says who leads (and what the township does). Commands come parsed.
 */
export function decideDutyList(command: DutyListCommand, state: DutyListState, ctx: DecisionContext): Decision<DutyListEvent> {
  switch (command.type) {
    case 'SetDutyListItem':
      return setItem(command, state);
    case 'RemoveDutyListItem':
      return removeItem(command, state);
    case 'CompileDutyList':
      return compile(command, state);
    case 'PublishDutyList':
      return publish(command, state, ctx);
    default:
      return exhaustive(command, 'duty list command');
  }
}

function setItem({ data }: SetDutyListItem, state: DutyListState): Decision<DutyListEvent> {
  const { dutyCode, category, duty, activeHandoverPowers } = data;
  if (duty === null) return refuse(notFound(`Duty item ${dutyCode} is not in the county's catalogue (dutyCode)`));
  if (category !== 'basic' && duty.powerCode !== undefined && activeHandoverPowers.includes(duty.powerCode)) {
    return refuse(
      rule(
        RuleCodes.dutyHeldByHandover,
        `Duty item ${dutyCode} stands for power ${duty.powerCode}, which the township holds by an active handover: it is basic until the handover is revoked`,
      ),
    );
  }
  const entry: DutyListEntry = {
    dutyCode,
    category,
    ...withoutAbsent({
      cooperation: category === 'assisting' ? data.cooperation : undefined,
      leadDepartment: category === 'basic' ? undefined : data.leadDepartment,
    }),
  };
  const current = state.entries[dutyCode];
  if (current !== undefined && sameEntry(current, entry)) return accept();
  return accept({ type: 'DutyListItemSet', data: entry });
}

function sameEntry(a: DutyListEntry, b: DutyListEntry): boolean {
  return a.category === b.category && a.cooperation === b.cooperation && a.leadDepartment === b.leadDepartment;
}

function removeItem({ data }: RemoveDutyListItem, state: DutyListState): Decision<DutyListEvent> {
  if (state.entries[data.dutyCode] === undefined) return refuse(notFound(`Duty item ${data.dutyCode} is not on the draft list`));
  return accept({ type: 'DutyListItemRemoved', data: { dutyCode: data.dutyCode } });
}

/** Adds the catalogue's missing items with their default category (basic for a power held by an active handover); the others keep theirs. */
function compile({ data }: CompileDutyList, state: DutyListState): Decision<DutyListEvent> {
  const added = data.catalogue
    .filter((duty) => state.entries[duty.code] === undefined)
    .map((duty): DutyListEntry => {
      const held = duty.powerCode !== undefined && data.activeHandoverPowers.includes(duty.powerCode);
      const category = held ? 'basic' : duty.defaultCategory;
      return {
        dutyCode: duty.code,
        category,
        ...withoutAbsent({
          cooperation: category === 'assisting' ? duty.description : undefined,
          leadDepartment: category === 'basic' ? undefined : duty.leadDepartment,
        }),
      };
    });
  return added.length === 0 ? accept() : accept({ type: 'DutyListCompiled', data: { added } });
}

function publish({ data }: PublishDutyList, state: DutyListState, ctx: DecisionContext): Decision<DutyListEvent> {
  const items = sortListedDuties(data.items);
  if (items.length === 0)
    return refuse(rule(RuleCodes.dutyListEmpty, 'The list has no items to publish; compile it from the catalogue first'));
  const incomplete = items.filter((item) => item.source === 'list' && missingForCategory(item).length > 0);
  if (incomplete.length > 0) {
    const named = incomplete.map((item) => `${listedDutyKey(item).replace(/^duty:/, '')} (${missingForCategory(item).join(', ')})`);
    return refuse(
      rule(
        RuleCodes.dutyListIncomplete,
        `Assisting items need cooperation and leadDepartment, returned items leadDepartment; missing on ${named.join('; ')}`,
      ),
    );
  }
  const changes = dutyListChanges(state.published?.items ?? [], items);
  if (state.published !== null && noChanges(changes)) {
    return refuse(
      rule(RuleCodes.dutyListUnchanged, `The draft is the same as published version ${state.published.version}; nothing to publish`),
    );
  }
  return accept({
    type: 'DutyListPublished',
    data: {
      countyId: data.countyId,
      townshipId: data.townshipId,
      version: (state.published?.version ?? 0) + 1,
      publishedAt: ctx.now,
      decisionRef: data.decisionRef,
      ...withoutAbsent({ note: data.note }),
      items,
      changes,
    },
  });
}

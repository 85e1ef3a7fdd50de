import { accept, type Decision, invalid, refuse, rule, RuleCodes } from '@fangquan/domain';
import { type DecidedRow, planImport } from './catalogue-import';

type Event = { type: 'ItemRegistered' | 'ItemRevised'; data: { code: string } };

const metadata = { actor: 'office', countyId: 'c', correlationId: 'r', causationId: null, occurredAt: '2026-12-06T00:00:00.000Z' };
const columnOf = (path: string): string => path.replace(/^requirements\./, '').split(/[.[]/)[0] ?? path;

function row(rowNumber: number, code: string, version: number, decision: Decision<Event>): DecidedRow<Event> {
  return { rowNumber, streamId: `item-${code}`, loaded: { state: null, version }, decision };
}

describe('planImport', () => {
  it('appends one event per changed row at the version it was decided on, and counts the rest as unchanged', () => {
    const plan = planImport(
      [
        row(2, 'A', 0, accept({ type: 'ItemRegistered', data: { code: 'A' } })),
        row(3, 'B', 4, accept({ type: 'ItemRevised', data: { code: 'B' } })),
        row(4, 'C', 2, accept()),
      ],
      metadata,
      columnOf,
    );
    expect(plan).toEqual({
      ok: true,
      report: { created: 1, updated: 1, unchanged: 1 },
      appends: [
        { streamId: 'item-A', expectedVersion: 0, event: { type: 'ItemRegistered', data: { code: 'A' } }, metadata },
        { streamId: 'item-B', expectedVersion: 4, event: { type: 'ItemRevised', data: { code: 'B' } }, metadata },
      ],
    });
  });

  it('refuses the whole import, naming every bad row in row order: the sheet’s errors, repeated items and refused decisions', () => {
    const plan = planImport(
      [
        row(2, 'A', 0, accept({ type: 'ItemRegistered', data: { code: 'A' } })),
        row(5, 'B', 0, refuse(invalid([{ field: 'requirements.equipment[1].kind', message: 'unknown', code: 'unknown-equipment-kind' }]))),
        row(6, 'A', 0, accept({ type: 'ItemRegistered', data: { code: 'A' } })),
        row(9, 'C', 1, refuse(rule(RuleCodes.powerAlreadyRegistered, 'C is already registered'))),
      ],
      metadata,
      columnOf,
      [{ field: 'rows[3].category', message: 'must be one of …', code: 'not-one-of' }],
    );
    expect(plan).toEqual({
      ok: false,
      errors: [
        { field: 'rows[3].category', message: 'must be one of …', code: 'not-one-of' },
        { field: 'rows[5].equipment', message: 'unknown', code: 'unknown-equipment-kind' },
        { field: 'rows[6].code', message: 'duplicate code (also in row 2)', code: 'duplicate' },
        { field: 'rows[9].code', message: 'C is already registered' },
      ],
    });
  });
});

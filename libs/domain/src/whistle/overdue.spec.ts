import type { WhistleEvent } from './events';
import { evolveWhistle } from './evolve';
import { overdueStepsAt } from './overdue';
import { initialWhistleState, type RaisedWhistle, type WhistleState } from './state';

const ACCEPT_BY = '2026-03-02T03:30:00.000Z';
const ARRIVE_BY = '2026-03-03T02:00:00.000Z';

const events: WhistleEvent[] = [
  {
    type: 'WhistleRaised',
    data: {
      whistleId: 'w-1',
      countyId: 'county-zhanyi',
      townshipId: 'township-xinhe',
      title: '河道旁无照经营烧烤摊',
      description: '油烟和垃圾直排河道',
      urgency: 'normal',
      raisedBy: 'zhao.head',
      raisedAt: '2026-03-02T01:00:00.000Z',
    },
  },
  { type: 'WhistleSignedOff', data: { signedOffBy: 'zhao.head', signedOffAt: '2026-03-02T01:00:00.000Z' } },
  {
    type: 'WhistleDispatched',
    data: {
      department: '市场监管局',
      coDepartments: [],
      routedBy: 'county-office',
      dispatchedBy: 'chen.office',
      dispatchedAt: '2026-03-02T01:30:00.000Z',
      acceptBy: ACCEPT_BY,
    },
  },
];

function whistleAfter(...more: WhistleEvent[]): RaisedWhistle {
  const state = [...events, ...more].reduce<WhistleState>(evolveWhistle, initialWhistleState);
  if (state.status === 'none') throw new Error('not raised');
  return state;
}

describe('overdueStepsAt', () => {
  it('is empty while the step in progress is within its deadline, the deadline itself included', () => {
    expect(overdueStepsAt(whistleAfter(), '2026-03-02T02:00:00.000Z')).toEqual([]);
    expect(overdueStepsAt(whistleAfter(), ACCEPT_BY)).toEqual([]);
  });

  it('names the step in progress once its deadline has passed, before supervision records it', () => {
    expect(overdueStepsAt(whistleAfter(), '2026-03-02T03:30:00.001Z')).toEqual(['accept']);
  });

  it('names a recorded step once, and none after the step is done', () => {
    const recorded = whistleAfter({
      type: 'WhistleStepOverdue',
      data: { step: 'accept', deadline: ACCEPT_BY, department: '市场监管局', recordedAt: '2026-03-02T03:31:00.000Z' },
    });
    expect(overdueStepsAt(recorded, '2026-03-02T04:00:00.000Z')).toEqual(['accept']);
    const accepted = whistleAfter({
      type: 'WhistleAccepted',
      data: {
        department: '市场监管局',
        acceptedBy: 'sun.market',
        acceptedAt: '2026-03-02T04:00:00.000Z',
        onTime: false,
        arriveBy: ARRIVE_BY,
      },
    });
    expect(overdueStepsAt(accepted, '2026-03-02T05:00:00.000Z')).toEqual([]);
    expect(overdueStepsAt(accepted, '2026-03-03T02:00:01.000Z')).toEqual(['arrive']);
  });

  it('names nothing while the whistle awaits dispatch or is closed', () => {
    const objected = whistleAfter({
      type: 'WhistleObjected',
      data: { department: '市场监管局', objectedBy: 'sun.market', objectedAt: '2026-03-02T02:00:00.000Z', reason: '非本局职责' },
    });
    expect(overdueStepsAt(objected, '2026-03-09T00:00:00.000Z')).toEqual([]);
  });
});

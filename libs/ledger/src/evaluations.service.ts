import { Inject, Injectable } from '@nestjs/common';
import {
  addDays,
  asOfTownship,
  type AsOfEvidence,
  comparePositions,
  dutyListStreamId,
  type EvaluationFilter,
  type EvaluationPeriod,
  evaluatePeriod,
  HANDOVER_EVENT_TYPES,
  instantAt,
  type LoggedEvent,
  type PeriodEvaluation,
  POWER_ITEM_EVENT_TYPES,
  TEAM_EVENT_TYPES,
  WHISTLE_EVENT_TYPES,
} from '@fangquan/domain';
import { EventStore, type ReplayedEvent } from '@fangquan/event-store';
import { APP_CONFIG, type AppConfig, CLOCK, type Clock } from '@fangquan/platform';

/** What an evaluation replays: the catalogue, the teams, the handovers (with their reminders and usage), recall requests, whistles. */
export const EVALUATED_TYPES = [
  ...new Set<string>([...POWER_ITEM_EVENT_TYPES, ...TEAM_EVENT_TYPES, ...HANDOVER_EVENT_TYPES, 'RecallRequested', ...WHISTLE_EVENT_TYPES]),
];

/** The events naming the township a stream belongs to. */
const TOWNSHIP_RECORDINGS = ['HandoverRecorded', 'TeamFormed'];

/** Instants fall on a local date per quarter hour at least (every zone's offset is a multiple of 15 minutes). */
const QUARTER_HOUR_MS = 15 * 60 * 1000;

/**
 * Evaluation and as-of evidence, read from the log (never from the read tables): a rebuild of the
 * read models, or its absence, cannot change an answer. The county's evaluation replays the county's
 * log up to the period's end; the as-of evidence replays the township's own streams with the county's
 * catalogue.
 */
@Injectable()
export class Evaluations {
  constructor(
    private readonly eventStore: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async evaluate(countyId: string, period: EvaluationPeriod, filter: EvaluationFilter = {}): Promise<PeriodEvaluation> {
    const events = await this.eventStore.replayCountyEvents(countyId, EVALUATED_TYPES);
    // The whistles' steps are judged as of the end of the period, or now while it lasts.
    const endOfPeriod = instantAt(this.config.timeZone, addDays(period.to, 1), 0);
    const now = this.clock.now().getTime();
    const asOf = new Date(Math.min(now, endOfPeriod)).toISOString();
    return evaluatePeriod(this.logged(events), period, filter, { asOf, weights: this.config.assessmentWeights });
  }

  async asOf(countyId: string, townshipId: string, date: string): Promise<AsOfEvidence> {
    const streams = await this.eventStore.findCountyStreams(countyId, TOWNSHIP_RECORDINGS, 'townshipId', townshipId);
    const [own, catalogue] = await Promise.all([
      this.eventStore.replayStreams([...streams, dutyListStreamId(townshipId)]),
      this.eventStore.replayCountyEvents(countyId, POWER_ITEM_EVENT_TYPES),
    ]);
    return asOfTownship(this.logged(mergeInLogOrder(own, catalogue)), townshipId, date);
  }

  /** The log's events with their local dates (one date computation per quarter hour of the clock). */
  private *logged(events: readonly ReplayedEvent[]): Generator<LoggedEvent> {
    const days = new Map<number, string>();
    const format = new Intl.DateTimeFormat('en-CA', { timeZone: this.config.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    for (const recorded of events) {
      const instant = Date.parse(recorded.occurredAt);
      const quarter = Math.floor(instant / QUARTER_HOUR_MS);
      let day = days.get(quarter);
      if (day === undefined) {
        day = format.format(instant);
        days.set(quarter, day);
      }
      yield {
        streamId: recorded.streamId,
        position: recorded.globalPosition,
        countyId: recorded.countyId,
        occurredAt: recorded.occurredAt,
        day,
        event: { type: recorded.type, data: recorded.data },
      };
    }
  }
}

function mergeInLogOrder(a: readonly ReplayedEvent[], b: readonly ReplayedEvent[]): ReplayedEvent[] {
  const merged: ReplayedEvent[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const left = a[i];
    const right = b[j];
    if (right === undefined || (left !== undefined && comparePositions(left.globalPosition, right.globalPosition) <= 0)) {
      merged.push(left as ReplayedEvent);
      i += 1;
    } else {
      merged.push(right);
      j += 1;
    }
  }
  return merged;
}

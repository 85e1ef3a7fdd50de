import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { daysBetween, type TeamState } from '@fangquan/domain';
import { Handovers } from '@fangquan/ledger';
import { APP_CONFIG, type AppConfig, CLOCK, type Clock, localDate } from '@fangquan/platform';
import { ReadinessRefresher } from '@fangquan/read-models';
import type { ChainRecord } from '../chain/chain-record';
import { ChainReassessment } from '../chain/chain-reassessment';
import { lockChains, openChainsAfter } from '../chain/chain-rows';
import { LedgerAggregates } from '../chain/ledger-aggregates';
import { ReminderDispatch } from '../chain/reminder-dispatch';
import { ReminderSubscriptions } from '../chain/reminder-subscriptions';
import { dueThreshold } from '../policy/notice-thresholds';
import { certificateReminderId, unansweredReminderId } from '../policy/reminder-ids';
import type { SweepName } from '../queues/job-data';
import { ReminderQueues, type ScheduledReminder } from '../queues/reminder-queues';

const PAGE = 200;
const CERTIFICATE_LAST_NOTICE_DAYS = 30;
const SWEEP_ACTOR = 'system:sweeps';

/**
 * The time-driven sweeps, run by the `sweeps` queue's job schedulers (and by tests, with a clock they
 * move). Each is idempotent: a sweep run twice on one day queues the same job ids.
 * - readiness: the read side's readiness as of today, and every open chain reassessed as of today —
 *   a certificate that lapsed overnight opens a gap chain;
 * - certificate-expiry: the township is told CERTIFICATE_NOTICE_DAYS and 30 days before a certificate
 *   of its team expires — once per handover of the team, officer, certificate and threshold;
 * - unanswered: a handover neither accepted nor contested, UNANSWERED_NOTICE_DAYS before it takes effect;
 * - activation: an accepted handover whose effective date has come becomes active.
 */
@Injectable()
export class ReminderSweeps {
  private readonly logger = new Logger('ReminderSweeps');

  constructor(
    private readonly dataSource: DataSource,
    private readonly refresher: ReadinessRefresher,
    private readonly reassessment: ChainReassessment,
    private readonly dispatcher: ReminderDispatch,
    private readonly aggregates: LedgerAggregates,
    private readonly handovers: Handovers,
    private readonly queues: ReminderQueues,
    private readonly subscriptions: ReminderSubscriptions,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(sweep: SweepName): Promise<string> {
    // The chains are the sweeps' list of handovers: bring them up to the log first.
    await this.subscriptions.catchUp({ timeoutMs: 30_000 }).catch((error: unknown) => {
      this.logger.warn(
        `sweep ${sweep}: the reminders subscriptions did not catch up (${error instanceof Error ? error.message : String(error)}); sweeping what it has seen`,
      );
    });
    const outcome = await this.dispatch(sweep);
    this.logger.log(`sweep ${sweep} as of ${this.today()}: ${outcome}`);
    return outcome;
  }

  private dispatch(sweep: SweepName): Promise<string> {
    switch (sweep) {
      case 'readiness':
        return this.readiness();
      case 'certificate-expiry':
        return this.certificates();
      case 'unanswered':
        return this.unanswered();
      case 'activation':
        return this.activation();
      default: {
        const unknown: never = sweep;
        throw new Error(`Unknown sweep ${String(unknown)}`);
      }
    }
  }

  private async readiness(): Promise<string> {
    const refreshed = await this.refresher.refreshAll();
    let after = '';
    let checked = 0;
    let changed = 0;
    for (;;) {
      const page = await this.dataSource.transaction(async (tx) => {
        // The process managers' own locks: no batch of theirs interleaves with this page.
        await this.subscriptions.lockAll(tx);
        const ids = (await openChainsAfter(tx, after, PAGE)).map((record) => record.handoverId);
        const records = await lockChains(tx, { ids });
        const now = this.clock.now();
        const changes = await this.reassessment.reassess(
          tx,
          records,
          new Map(records.map((r) => [r.handoverId, r])),
          localDate(now, this.config.timeZone),
          now.toISOString(),
        );
        await this.dispatcher.dispatch(tx, changes, now);
        return { ids, changed: changes.add.length + changes.remove.length };
      });
      checked += page.ids.length;
      changed += page.changed;
      const last = page.ids.at(-1);
      if (last === undefined || page.ids.length < PAGE) break;
      after = last;
    }
    return `read side ${refreshed.checked} checked / ${refreshed.changed} changed; ${checked} chain(s) reassessed, ${changed} job change(s)`;
  }

  private async certificates(): Promise<string> {
    const today = this.today();
    const thresholds = [...new Set([this.config.certificateNoticeDays, CERTIFICATE_LAST_NOTICE_DAYS])];
    const teams = new Map<string, Promise<TeamState>>();
    return this.eachPage(undefined, async (records) => {
      const jobs: ScheduledReminder[] = [];
      for (const record of records) {
        let team = teams.get(record.teamId);
        if (team === undefined) {
          team = this.aggregates.team(record.teamId).then((loaded) => loaded.state);
          teams.set(record.teamId, team);
        }
        const state = await team;
        if (state.status !== 'formed') continue;
        for (const officer of state.officers) {
          const daysBefore = dueThreshold(daysBetween(today, officer.certificateExpiresOn), thresholds);
          if (daysBefore === undefined) continue;
          jobs.push({
            id: certificateReminderId(record.handoverId, officer.officerId, officer.certificateExpiresOn, daysBefore),
            job: {
              kind: 'certificate-expiry',
              handoverId: record.handoverId,
              officerId: officer.officerId,
              expiresOn: officer.certificateExpiresOn,
              daysBefore,
            },
            delayMs: 0,
          });
        }
      }
      await this.queues.addReminders(jobs);
      return jobs.length;
    });
  }

  private unanswered(): Promise<string> {
    const today = this.today();
    return this.eachPage('recorded', async (records) => {
      const jobs: ScheduledReminder[] = [];
      for (const record of records) {
        const daysBefore = dueThreshold(daysBetween(today, record.effectiveOn), this.config.unansweredNoticeDays);
        if (daysBefore === undefined) continue;
        jobs.push({
          id: unansweredReminderId(record.handoverId, daysBefore),
          job: { kind: 'unanswered', handoverId: record.handoverId, effectiveOn: record.effectiveOn, daysBefore },
          delayMs: 0,
        });
      }
      await this.queues.addReminders(jobs);
      return jobs.length;
    });
  }

  private activation(): Promise<string> {
    const today = this.today();
    return this.eachPage('accepted', async (records) => {
      let activated = 0;
      for (const record of records) {
        if (record.effectiveOn > today) continue;
        const actor = { username: SWEEP_ACTOR, countyId: record.countyId };
        const result = await this.handovers.activate(actor, record.handoverId, {
          correlationId: `activation.${today}.${record.handoverId}`,
        });
        if (result.ok && result.lastGlobalPosition !== null) activated += 1;
      }
      return activated;
    });
  }

  /** Pages through the chains that are not revoked (optionally of one handover status); `work` returns how many it queued or changed. */
  private async eachPage(status: string | undefined, work: (records: ChainRecord[]) => Promise<number>): Promise<string> {
    let after = '';
    let seen = 0;
    let done = 0;
    for (;;) {
      const records = await openChainsAfter(this.dataSource, after, PAGE, status);
      seen += records.length;
      done += await work(records);
      const last = records.at(-1);
      if (last === undefined || records.length < PAGE) return `${seen} handover(s) looked at, ${done} queued or changed`;
      after = last.handoverId;
    }
  }

  private today(): string {
    return localDate(this.clock.now(), this.config.timeZone);
  }
}

import { Client } from 'pg';
import { consoleEventStoreLogger, describeError, type EventStoreLogger } from '../event-store.logger';
import type { SubscriptionRunner } from './subscription-runner';

/** The channel subscription batches announce themselves on (see SubscriptionRunnerOptions.notifyChannel). */
export const SUBSCRIPTION_NOTIFY_CHANNEL = 'fangquan_subscriptions';

/** A NOTIFY payload must stay under 8,000 bytes; a bigger batch is announced without its positions. */
const MAX_NOTICE_BYTES = 7_000;

interface BatchNotice {
  readonly subscription: string;
  /** The runner that committed the batch (SubscriptionRunner.id): a runner tells its own batches from a peer's. */
  readonly runner?: string;
  readonly positions?: readonly string[];
}

/** What a committed batch announces: the subscription and, when they fit, the positions it handled. */
export function batchNotice(subscription: string, runner: string, positions: readonly string[]): string {
  const full = JSON.stringify({ subscription, runner, positions } satisfies BatchNotice);
  return Buffer.byteLength(full) <= MAX_NOTICE_BYTES ? full : JSON.stringify({ subscription, runner } satisfies BatchNotice);
}

function parseNotice(payload: string | undefined): BatchNotice | undefined {
  try {
    const parsed: unknown = JSON.parse(payload ?? '');
    if (typeof parsed !== 'object' || parsed === null || typeof (parsed as { subscription?: unknown }).subscription !== 'string')
      return undefined;
    const { subscription, runner, positions } = parsed as { subscription: string; runner?: unknown; positions?: unknown };
    return {
      subscription,
      ...(typeof runner === 'string' ? { runner } : {}),
      ...(Array.isArray(positions) && positions.every((p) => typeof p === 'string') ? { positions: positions as string[] } : {}),
    };
  } catch {
    return undefined;
  }
}

/**
 * LISTENs (on a connection of its own) for the batches that subscription runners of any process
 * commit, and hands each to this process's runner of that subscription: waiters for events another
 * process handled are answered at once. A lost connection is re-opened with a growing delay; until
 * then the runners' own polling answers the waiters, only later. PostgreSQL only (PGlite runs in one
 * process, whose runners answer their waiters themselves).
 */
export class SubscriptionNotifications {
  private readonly runners = new Map<string, SubscriptionRunner>();
  private client: Client | undefined;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;
  private failures = 0;

  constructor(
    private readonly connectionString: string,
    private readonly logger: EventStoreLogger = consoleEventStoreLogger,
    private readonly channel = SUBSCRIPTION_NOTIFY_CHANNEL,
  ) {}

  register(runner: SubscriptionRunner): void {
    this.runners.set(runner.name, runner);
  }

  /** Connects and listens; resolves once listening (or once the first attempt failed: it keeps trying). */
  async start(): Promise<void> {
    this.stopped = false;
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.connectionString, application_name: 'fangquan-notifications' });
    client.on('notification', (message) => this.dispatch(message.payload));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
      this.client = client;
      this.failures = 0;
    } catch (error) {
      this.lost(client, error);
    }
  }

  private dispatch(payload: string | undefined): void {
    const notice = parseNotice(payload);
    if (notice === undefined) return;
    this.runners.get(notice.subscription)?.handledElsewhere(notice.positions, notice.runner);
  }

  private lost(client: Client, error: unknown): void {
    if (this.stopped || (this.client !== undefined && this.client !== client)) return;
    this.client = undefined;
    client.removeAllListeners();
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    this.failures += 1;
    const delay = Math.min(5_000, 100 * 2 ** Math.min(this.failures - 1, 6));
    this.logger.warn(`subscription notifications: ${describeError(error)}; listening again in ${delay} ms (waiters poll meanwhile)`, {
      error,
    });
    clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.connect(), delay);
  }
}

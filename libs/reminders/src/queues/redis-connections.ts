import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import { REDIS_URL, redisClient } from '@fangquan/platform';

/** Reconnect quickly after an outage: every 0.2 s, backing off to 2 s. */
function reconnectDelay(times: number): number {
  return Math.min(200 * times, 2000);
}

/**
 * The Redis connections of the reminders, one of each kind per process:
 * - `producer` (queues: adding, removing, the dashboard) fails fast while Redis is away — no offline
 *   queue, one retry — so a caller (the process manager inside its database transaction, an HTTP
 *   request of the dashboard) gets an error instead of hanging;
 * - `worker` (BullMQ workers) waits for Redis as long as it takes (`maxRetriesPerRequest: null`).
 * BullMQ is handed the instances (it duplicates the worker's for its blocking reads) and never closes
 * them: they are closed here, after the workers and queues (onApplicationShutdown).
 */
@Injectable()
export class RedisConnections implements OnApplicationShutdown {
  private readonly logger = new Logger('RemindersRedis');
  private producerClient: Redis | undefined;
  private workerClient: Redis | undefined;
  private lastError = 0;

  constructor(@Inject(REDIS_URL) private readonly url: string) {}

  get producer(): Redis {
    this.producerClient ??= this.watch(
      redisClient(this.url, {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        connectTimeout: 2000,
        retryStrategy: reconnectDelay,
        connectionName: 'fangquan-producer',
      }),
    );
    return this.producerClient;
  }

  get worker(): Redis {
    this.workerClient ??= this.watch(
      redisClient(this.url, { maxRetriesPerRequest: null, retryStrategy: reconnectDelay, connectionName: 'fangquan-worker' }),
    );
    return this.workerClient;
  }

  onApplicationShutdown(): void {
    this.producerClient?.disconnect();
    this.workerClient?.disconnect();
  }

  /** Connection errors are logged at most every 10 s (ioredis reconnects by itself). */
  private watch(client: Redis): Redis {
    client.on('error', (error: Error) => {
      if (Date.now() - this.lastError < 10_000) return;
      this.lastError = Date.now();
      this.logger.warn(`Redis: ${error.message}`);
    });
    return client;
  }
}

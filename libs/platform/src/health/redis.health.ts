import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type Redis from 'ioredis';
import { REDIS_URL } from '../nest/tokens';
import { redisClient } from '../redis/redis-address';

/** Pings Redis on a connection of its own that fails fast instead of queueing commands while Redis is away. */
@Injectable()
export class RedisHealthIndicator implements OnApplicationShutdown {
  private readonly client: Redis;

  constructor(
    @Inject(REDIS_URL) url: string,
    private readonly health: HealthIndicatorService,
  ) {
    this.client = redisClient(url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 1000,
      commandTimeout: 1000,
    });
    this.client.on('error', () => undefined); // reported through the check, not as an unhandled event
  }

  async isHealthy(key = 'redis') {
    const indicator = this.health.check(key);
    try {
      if (this.client.status === 'wait' || this.client.status === 'end') await this.client.connect();
      const pong = await this.client.ping();
      return pong === 'PONG' ? indicator.up() : indicator.down({ message: `unexpected reply ${pong}` });
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }

  onApplicationShutdown(): void {
    this.client.disconnect();
  }
}

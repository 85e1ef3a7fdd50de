import { Module } from '@nestjs/common';
import { RedisConnections } from './redis-connections';

/** The reminders' Redis connections, one set per process (needs the platform's REDIS_URL). */
@Module({ providers: [RedisConnections], exports: [RedisConnections] })
export class ReminderRedisModule {}

import { DynamicModule, Global, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config';
import { CLOCK, type Clock, systemClock } from '../clock';
import { APP_CONFIG, REDIS_URL } from './tokens';
import { currentLogFormat, requestLogLevel } from '../logging/log-format';
import { logDestination } from '../logging/log-destination';
import { FangquanLogger } from '../logging/fangquan-logger';

export interface PlatformOptions {
  readonly config: AppConfig;
  readonly redisUrl: string;
  readonly clock?: Clock;
}

/** Configuration, clock, Redis address and structured logging (`FangquanLogger`), available everywhere. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    const database = options.config.database.kind;
    return {
      module: PlatformModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: [
            {
              level: options.config.logLevel,
              // A request is logged by its id, method and path: no headers, so no token can reach the log,
              // and nothing heavy is serialized for every request (pino binds it eagerly, logged or not).
              serializers: {
                req: (req: { id?: unknown; method?: string; url?: string }) => ({ id: req.id, method: req.method, url: req.url }),
              },
              // Passwords and tokens never reach the log, wherever else they appear.
              redact: {
                paths: ['req.headers.authorization', 'req.headers.cookie', 'req.body.password', '*.password', '*.accessToken'],
                censor: '[redacted]',
              },
              autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
              customLogLevel: (_req, res, error) => requestLogLevel(database, res.statusCode, error !== undefined),
              customSuccessMessage: (req, res) => `${req.method} ${req.url} ${res.statusCode}`,
              customErrorMessage: (req, res) => `${req.method} ${req.url} ${res.statusCode}`,
            },
            // Readable on a terminal in development, JSON otherwise (the same choice as the process's own lines).
            logDestination(currentLogFormat(options.config)),
          ],
        }),
      ],
      providers: [
        { provide: APP_CONFIG, useValue: options.config },
        { provide: REDIS_URL, useValue: options.redisUrl },
        { provide: CLOCK, useValue: options.clock ?? systemClock },
        FangquanLogger,
      ],
      exports: [APP_CONFIG, REDIS_URL, CLOCK, FangquanLogger],
    };
  }
}

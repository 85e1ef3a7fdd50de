import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { ThrottlerModule } from '@nestjs/throttler';
import { IdentityModule } from '@fangquan/identity';
import { APP_CONFIG, type AppConfig } from '@fangquan/platform';
import { AccessTokenService, ACCESS_TOKEN_TTL_SECONDS } from './access-token.service';
import { AdminBootstrap } from './admin-bootstrap.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtAuthGuard } from './jwt-auth.guard';
import { resolveJwtSecret } from './jwt-secret';
import { LOGIN_THROTTLER } from './login-throttler.guard';

export interface LoginRateLimit {
  /** Attempts allowed per client IP and username within the window. */
  readonly limit: number;
  readonly windowMs: number;
}

export const DEFAULT_LOGIN_RATE_LIMIT: LoginRateLimit = { limit: 10, windowMs: 60_000 };

export interface AuthModuleOptions {
  readonly loginRateLimit?: LoginRateLimit;
}

/** Login, access tokens, the global JwtAuthGuard (@Public/@Roles) and the bootstrap admin. */
@Module({})
export class AuthModule {
  static forRoot(options: AuthModuleOptions = {}): DynamicModule {
    const rateLimit = options.loginRateLimit ?? DEFAULT_LOGIN_RATE_LIMIT;
    return {
      module: AuthModule,
      imports: [
        IdentityModule,
        JwtModule.registerAsync({
          inject: [APP_CONFIG],
          useFactory: async (config: AppConfig) => {
            // A KeyObject made once: given a string, jsonwebtoken first tries (and fails) to parse it
            // as a public key on every verify, a cost on every request.
            const key = createSecretKey(Buffer.from(await resolveJwtSecret(config), 'utf8'));
            return {
              secretOrKeyProvider: () => key,
              signOptions: { algorithm: 'HS256', expiresIn: ACCESS_TOKEN_TTL_SECONDS },
              verifyOptions: { algorithms: ['HS256'] },
            };
          },
        }),
        ThrottlerModule.forRoot({
          throttlers: [{ name: LOGIN_THROTTLER, limit: rateLimit.limit, ttl: rateLimit.windowMs }],
          errorMessage: 'Too many login attempts; wait a minute and try again',
        }),
      ],
      controllers: [AuthController],
      providers: [AccessTokenService, AuthService, AdminBootstrap, { provide: APP_GUARD, useClass: JwtAuthGuard }],
      exports: [AccessTokenService],
    };
  }
}

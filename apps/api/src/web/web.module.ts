import { Logger, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { findWebDist, webAppMiddleware } from './web-app.middleware';

/**
 * The web UI at `/`: the built app from apps/web/dist (`npm run build:web`), with the SPA fallback.
 * Registered on the HTTP server at init, after the controllers: the API, the health checks, the API
 * docs and /admin keep their paths; static files need no token.
 */
@Module({})
export class WebModule implements OnModuleInit {
  private readonly logger = new Logger('WebModule');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const http = this.adapterHost.httpAdapter;
    if (http === undefined || http === null) return;
    const root = findWebDist();
    if (root === undefined) {
      this.logger.warn(
        'The web app is not built (apps/web/dist/index.html is missing): run `npm run build:web`; the API is served without it',
      );
      return;
    }
    http.use(webAppMiddleware(root));
  }
}

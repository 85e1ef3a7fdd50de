import type { NestExpressApplication } from '@nestjs/platform-express';
import { type INestApplication, RequestMethod } from '@nestjs/common';
import { json } from 'express';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { APP_CONFIG, FangquanLogger, type AppConfig } from '@fangquan/platform';
import { ProblemDetailsDto } from './http/problem.dto';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { createValidationPipe } from './http/validation';
import { requestEdge, verifyJsonBody } from './http/request-edge';
import { RequestTextPipe } from './http/request-text.pipe';

export const API_PREFIX = 'api/v1';

/** Everything about the HTTP surface that is not a controller; shared by main.ts and the e2e tests. */
export function configureHttpApp(app: NestExpressApplication): void {
  app.useLogger(app.get(FangquanLogger));
  // Before the parsers: non-JSON bodies (415) and undecodable query strings (400) go no further.
  app.use(requestEdge(API_PREFIX));
  // express.json's middleware is named jsonParser, so Nest adds no parser of its own for JSON.
  app.use(json({ limit: '1mb', verify: verifyJsonBody }));
  app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: 'health/{*path}', method: RequestMethod.GET }] });
  app.useGlobalPipes(new RequestTextPipe(), createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.disable('x-powered-by');
  // X-Forwarded-For is believed only from the proxies TRUST_PROXY names (login throttling counts by address).
  app.set('trust proxy', app.get<AppConfig>(APP_CONFIG).trustProxy);
  SwaggerModule.setup('api/docs', app, openApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
}

/** The OpenAPI document of the app's controllers (served at /api/docs-json; the web app's types are generated from it). */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Fangquan (放权) API')
      .setDescription('Handovers of administrative law-enforcement powers to township teams, with the means to use them.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
    // The one error shape, with the lists of its codes, for clients' generated types.
    { extraModels: [ProblemDetailsDto] },
  );
}

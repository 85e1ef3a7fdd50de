import type { NestExpressApplication } from '@nestjs/platform-express';
import { type INestApplication, RequestMethod } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { FangquanLogger } from '@fangquan/platform';
import { ProblemDetailsDto } from './http/problem.dto';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { createValidationPipe } from './http/validation';

export const API_PREFIX = 'api/v1';

/** Everything about the HTTP surface that is not a controller; shared by main.ts and the e2e tests. */
export function configureHttpApp(app: NestExpressApplication): void {
  app.useLogger(app.get(FangquanLogger));
  app.useBodyParser('json', { limit: '1mb' });
  app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: 'health/{*path}', method: RequestMethod.GET }] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
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

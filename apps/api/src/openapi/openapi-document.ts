import 'reflect-metadata';
import type { DynamicModule, Type } from '@nestjs/common';
import { MODULE_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { OpenAPIObject } from '@nestjs/swagger';
import { loadAppConfig } from '@fangquan/platform';
import { ApiModule } from '../api.module';
import { API_PREFIX, openApiDocument } from '../configure-http-app';

type ModuleRef = Type<unknown> | DynamicModule | Promise<DynamicModule> | undefined;

/** Every controller of a module tree, read from the modules' metadata: nothing is instantiated. */
function controllersOf(root: ModuleRef, seen = new Set<unknown>()): Type<unknown>[] {
  if (root === undefined || root instanceof Promise || seen.has(root)) return [];
  seen.add(root);
  const dynamic = 'module' in root ? root : undefined;
  const type = dynamic ? dynamic.module : (root as Type<unknown>);
  const metadata = <T>(key: string): T[] => (Reflect.getMetadata(key, type) as T[] | undefined) ?? [];
  const imports = [...metadata<ModuleRef>(MODULE_METADATA.IMPORTS), ...(dynamic?.imports ?? [])] as ModuleRef[];
  const controllers = [...metadata<Type<unknown>>(MODULE_METADATA.CONTROLLERS), ...(dynamic?.controllers ?? [])];
  return [...controllers, ...imports.flatMap((child) => controllersOf(child, seen))];
}

/**
 * The API's OpenAPI document (what /api/docs-json serves), built without a database, Redis or a
 * listening server: the API module tree's controllers in a testing module whose every dependency is
 * an empty stand-in. The document is read from decorators only, so the stand-ins are never called.
 */
export async function buildOpenApiDocument(): Promise<OpenAPIObject> {
  const options = ApiModule.forRoot({ config: loadAppConfig({}), redisUrl: 'redis://127.0.0.1:6379', withWorker: false });
  const controllers = [...new Set(controllersOf(options))];
  const moduleRef = await Test.createTestingModule({ controllers })
    .useMocker(() => ({}))
    .compile();
  const app = moduleRef.createNestApplication({ logger: false });
  app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: 'health/{*path}', method: RequestMethod.GET }] });
  // Not initialised: no lifecycle hook runs, so nothing connects anywhere.
  return openApiDocument(app);
}

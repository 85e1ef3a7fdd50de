import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { WEB_API_TYPES_FILE, webApiTypesSource } from '../../apps/api/src/openapi/web-api-types';

/**
 * Generates apps/web/src/api/openapi.d.ts from the API's OpenAPI document (the web build runs it
 * before type-checking the app). `--check` only compares: exit 1 when the checked-in file is stale.
 */
async function main(): Promise<void> {
  const source = await webApiTypesSource();
  const current = existsSync(WEB_API_TYPES_FILE) ? readFileSync(WEB_API_TYPES_FILE, 'utf8') : '';
  if (current === source) return;
  if (process.argv.includes('--check')) {
    console.error('web: apps/web/src/api/openapi.d.ts is not what the API documents; run `npm run build:web`');
    process.exit(1);
  }
  writeFileSync(WEB_API_TYPES_FILE, source);
  console.log('web: regenerated apps/web/src/api/openapi.d.ts from the OpenAPI document');
}

void main();

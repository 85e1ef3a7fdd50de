import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import { buildOpenApiDocument } from './openapi-document';
import { WEB_API_TYPES_FILE, webApiTypesSource } from './web-api-types';

const WEB = resolve(dirname(WEB_API_TYPES_FILE), '../..');

/**
 * The web app's pure modules (API types, dashboard, readiness) type-checked with the web's own
 * compiler options against the given generated types instead of the checked-in file.
 */
function webTypeErrors(generated: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(WEB, 'tsconfig.json'),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  );
  if (config === undefined) throw new Error('apps/web/tsconfig.json cannot be read');
  const domain = join(WEB, 'src/domain');
  const roots = [
    join(WEB, 'src/api/types.ts'),
    ...readdirSync(domain)
      .filter((name) => name.endsWith('.ts'))
      .map((name) => join(domain, name)),
  ];
  const host = ts.createCompilerHost(config.options);
  const readFile = host.readFile.bind(host);
  host.readFile = (path) => (resolve(path) === WEB_API_TYPES_FILE ? generated : readFile(path));
  const program = ts.createProgram(roots, config.options, host);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}

describe("the web app's API types, generated from the OpenAPI document", () => {
  it('are checked in as the server documents them today', async () => {
    expect(readFileSync(WEB_API_TYPES_FILE, 'utf8')).toBe(await webApiTypesSource());
  }, 60_000);

  it("fail the web's type-check when a server DTO changes shape without the web following", async () => {
    const document = await buildOpenApiDocument();
    expect(webTypeErrors(await webApiTypesSource(document))).toEqual([]);

    // The handover DTO loses `readiness` (renamed on the server, say): the dashboard reads it.
    const handover = document.components?.schemas?.['HandoverDto'];
    if (handover === undefined || !('properties' in handover) || handover.properties === undefined)
      throw new Error('HandoverDto has no properties');
    delete handover.properties['readiness'];
    handover.required = handover.required?.filter((name) => name !== 'readiness');

    const errors = webTypeErrors(await webApiTypesSource(document));
    expect(errors.some((message) => message.includes("Property 'readiness' does not exist"))).toBe(true);
  }, 120_000);
});

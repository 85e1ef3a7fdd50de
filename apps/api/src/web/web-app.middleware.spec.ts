import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import express from 'express';
import request from 'supertest';
import { findWebDist, isWebPath, webAppMiddleware } from './web-app.middleware';

describe('the web app middleware', () => {
  let root: string;
  let app: express.Express;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'fangquan-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>放权</title>');
    writeFileSync(join(root, 'assets/app-abc.js'), 'console.log(1)');
    writeFileSync(join(root, 'assets/app-abc.js.gz'), gzipSync('console.log(1)'));
    app = express();
    app.use(webAppMiddleware(root));
    app.use((_request, response) => {
      response.status(404).json({ status: 404 });
    });
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('serves index.html at / and for client-side routes, not cached', async () => {
    for (const path of ['/', '/county', '/handovers/8c3f0b4e-1f8a-4f6e-9d7c-000000000001', '/township/team']) {
      const response = await request(app).get(path);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.text).toContain('放权');
    }
  });

  it('serves hashed assets for a year, gzipped when the client accepts it', async () => {
    const gzipped = await request(app).get('/assets/app-abc.js').set('Accept-Encoding', 'gzip');
    expect(gzipped.status).toBe(200);
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers['content-type']).toContain('text/javascript');
    expect(gzipped.headers['cache-control']).toContain('immutable');
    expect(gzipped.text).toBe('console.log(1)');
    const plain = await request(app).get('/assets/app-abc.js').set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe('console.log(1)');
  });

  it('leaves /api, /health and /admin, other methods, missing files and path escapes to the next handler', async () => {
    for (const path of [
      '/api/v1/nothing',
      '/api',
      '/health/nothing',
      '/admin/queues/x',
      '/assets/missing.js',
      '/favicon.ico',
      '/%2e%2e/etc/passwd',
    ]) {
      expect((await request(app).get(path)).status).toBe(404);
    }
    expect((await request(app).post('/county')).status).toBe(404);
  });

  it('knows which paths are the web app’s and finds the build', () => {
    expect(isWebPath('/county')).toBe(true);
    expect(isWebPath('/apis')).toBe(true);
    expect(isWebPath('/api/v1/powers')).toBe(false);
    expect(isWebPath('/health/live')).toBe(false);
    expect(findWebDist({ WEB_DIST_DIR: root }, '/nowhere')).toBe(root);
    expect(findWebDist({}, '/nowhere')).toBeUndefined();
  });
});

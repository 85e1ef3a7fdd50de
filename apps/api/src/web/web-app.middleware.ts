import { existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { NextFunction, Request, Response } from 'express';

/** Paths the web app never answers: the API, the health checks and the operators' pages keep their own 404s. */
export const NOT_WEB_PREFIXES = ['/api', '/health', '/admin'] as const;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export function isWebPath(path: string): boolean {
  return !NOT_WEB_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/** The built web app: apps/web/dist under the working directory (where `npm start` and the tests run), or WEB_DIST_DIR. */
export function findWebDist(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string | undefined {
  const candidates = [env.WEB_DIST_DIR, join(cwd, 'apps/web/dist')].filter((dir): dir is string => typeof dir === 'string' && dir !== '');
  return candidates.map((dir) => resolve(dir)).find((dir) => existsSync(join(dir, 'index.html')));
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Serves the built single-page app: its files (hashed assets cached for a year, gzip-precompressed
 * twins sent to clients that accept gzip), and index.html for every other GET of a page path so the
 * client-side router takes over. Never answers under /api, /health or /admin, nor any method but
 * GET and HEAD, nor a missing file with an extension: those fall through to Nest's 404.
 * Mounted after the controllers, so no route of the API is shadowed; the JWT guard guards controllers only.
 */
export function webAppMiddleware(root: string) {
  const base = resolve(root);
  const index = join(base, 'index.html');

  const send = (request: Request, response: Response, file: string, cache: string): void => {
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const gzipped = `${file}.gz`;
    const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    response.setHeader('Cache-Control', cache);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Vary', 'Accept-Encoding');
    response.type(type);
    if (acceptsGzip && isFile(gzipped)) {
      response.setHeader('Content-Encoding', 'gzip');
      response.sendFile(gzipped, { headers: { 'Content-Type': type }, cacheControl: false, lastModified: true });
      return;
    }
    response.sendFile(file, { cacheControl: false, lastModified: true });
  };

  return (request: Request, response: Response, next: NextFunction): void => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || !isWebPath(request.path)) return next();
    let decoded: string;
    try {
      decoded = decodeURIComponent(request.path);
    } catch {
      return next();
    }
    const file = normalize(join(base, decoded));
    if (file !== base && !file.startsWith(`${base}${sep}`)) return next();
    if (decoded !== '/' && isFile(file) && !file.endsWith('.gz')) {
      const immutable = decoded.startsWith('/assets/');
      return send(request, response, file, immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    }
    // A missing file (it has an extension) is a 404, not the app.
    if (extname(decoded) !== '') return next();
    return send(request, response, index, 'no-cache');
  };
}

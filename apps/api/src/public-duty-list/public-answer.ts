import type { Request, Response } from 'express';
import type { PublicAnswer } from './public-duty-list.service';

/** Residents' phones may keep an answer this long; a new version reaches them after it at the latest. */
export const LIST_CACHE_CONTROL = 'public, max-age=30';
/** A township's page address never changes, nor does its QR code. */
export const CODE_CACHE_CONTROL = 'public, max-age=86400';

/** The entity tag of the gzipped representation: another representation, another tag. */
function gzipTag(etag: string): string {
  return etag.replace(/"$/, '-gz"');
}

/** Whether If-None-Match names the answer, in either representation. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === gzipTag(etag) || tag === '*');
}

/** Sends a prepared body with its entity tag (gzipped to clients that accept it), or 304 when the client already holds it. */
export function sendPublicAnswer(request: Request, response: Response, answer: PublicAnswer, type: string, cacheControl: string): void {
  const gzip = answer.gzipped !== undefined && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
  response.setHeader('ETag', gzip ? gzipTag(answer.etag) : answer.etag);
  response.setHeader('Cache-Control', cacheControl);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  if (answer.gzipped !== undefined) response.setHeader('Vary', 'Accept-Encoding');
  if (matches(request.headers['if-none-match'], answer.etag)) {
    response.status(304).end();
    return;
  }
  response.status(200).type(type);
  if (gzip) response.setHeader('Content-Encoding', 'gzip');
  response.send(gzip ? answer.gzipped : answer.body);
}

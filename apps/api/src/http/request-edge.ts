import { isUtf8 } from 'node:buffer';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { problem, ProblemException, type FieldError } from './problem';
import { textDefect } from './text-checks';
import { takesUpload } from './upload';

/** Deepest nesting of arrays and objects a JSON body may have; the API's own bodies nest four levels at most. */
export const MAX_JSON_DEPTH = 32;

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const OPEN_BRACKETS = new Set([0x5b, 0x7b]);
const CLOSE_BRACKETS = new Set([0x5d, 0x7d]);
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** The deepest nesting of a JSON text, read from its bytes (brackets inside strings do not count); stops past `limit`. */
export function jsonDepth(bytes: Uint8Array, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i];
    if (inString) {
      if (byte === BACKSLASH) i += 1;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte !== undefined && OPEN_BRACKETS.has(byte)) {
      depth += 1;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (byte !== undefined && CLOSE_BRACKETS.has(byte)) {
      depth -= 1;
    }
  }
  return deepest;
}

/**
 * body-parser's `verify` for JSON bodies: runs on the raw bytes before `JSON.parse`, so a body nested
 * deeper than MAX_JSON_DEPTH (which would overflow the stack of every recursive transform after it)
 * or one that is not valid UTF-8 (which would be decoded into U+FFFD and stored so) never gets parsed.
 */
export function verifyJsonBody(_request: IncomingMessage, _response: ServerResponse, bytes: Buffer, encoding: string): void {
  if (/^utf-?8$/i.test(encoding) && !isUtf8(bytes))
    throw new ProblemException(
      problem(
        400,
        'The request body is not valid UTF-8',
        { errors: [{ field: 'body', code: 'bad-encoding', message: 'not valid UTF-8' }] },
        'malformed-encoding',
      ),
    );
  if (jsonDepth(bytes, MAX_JSON_DEPTH) > MAX_JSON_DEPTH)
    throw new ProblemException(
      problem(
        400,
        `The request body nests deeper than ${MAX_JSON_DEPTH} levels`,
        { errors: [{ field: 'body', code: 'too-deep', message: `nested deeper than ${MAX_JSON_DEPTH} levels` }] },
        'json-too-deep',
      ),
    );
}

function carriesBody(request: Request): boolean {
  if (request.headers['transfer-encoding'] !== undefined) return true;
  const length = Number(request.headers['content-length'] ?? '0');
  return Number.isNaN(length) || length > 0;
}

function decodeQueryComponent(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/** Every defect of a raw query string, named by its parameter: a broken %-escape (e.g. an encoded lone surrogate), U+0000. */
export function queryDefects(rawQuery: string): FieldError[] {
  const errors: FieldError[] = [];
  for (const pair of rawQuery.split('&')) {
    if (pair === '') continue;
    const separator = pair.indexOf('=');
    const rawKey = separator < 0 ? pair : pair.slice(0, separator);
    const rawValue = separator < 0 ? '' : pair.slice(separator + 1);
    const key = decodeQueryComponent(rawKey);
    const field = key !== undefined && textDefect(key) === undefined ? key : 'query';
    const value = decodeQueryComponent(rawValue);
    if (key === undefined || value === undefined)
      errors.push({ field, code: 'not-storable-text', message: `${field} is not validly %-encoded UTF-8` });
    else {
      const defect = textDefect(key) ?? textDefect(value);
      if (defect) errors.push({ field, code: 'not-storable-text', message: `${field} ${defect}` });
    }
  }
  return errors;
}

/**
 * Before routing and body parsing, on the API's paths: a body sent to the API is JSON (anything else,
 * e.g. a form, is refused with 415 before it is parsed) except the spreadsheet uploads of the import
 * routes (`multipart/form-data`, see upload.ts), and every query parameter decodes to
 * storable text (400 naming it).
 */
export function requestEdge(apiPrefix: string): (request: Request, response: Response, next: NextFunction) => void {
  const prefix = `/${apiPrefix}/`;
  return (request, _response, next) => {
    if (!request.path.startsWith(prefix)) return next();
    const upload = request.method === 'POST' && takesUpload(request.path.slice(prefix.length - 1)) && request.is('multipart/form-data');
    if (BODY_METHODS.has(request.method) && carriesBody(request) && !upload && !request.is(['application/json', 'application/*+json'])) {
      return next(new ProblemException(problem(415, 'The API takes JSON bodies only (Content-Type: application/json)')));
    }
    const queryStart = request.originalUrl.indexOf('?');
    if (queryStart >= 0) {
      const errors = queryDefects(request.originalUrl.slice(queryStart + 1));
      if (errors.length > 0)
        return next(
          new ProblemException(
            problem(400, `Invalid query parameter: ${[...new Set(errors.map((e) => e.field))].join(', ')}`, { errors }, 'invalid-text'),
          ),
        );
    }
    next();
  };
}

import type { FieldError, Gap, ProblemDetails } from './types';

export const API_BASE = '/api/v1';

/** A refused or failed request, as problem+json (a network failure is status 0). */
export class ApiProblem extends Error {
  readonly status: number;
  readonly problem: ProblemDetails;

  constructor(problem: ProblemDetails) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ApiProblem';
    this.status = problem.status;
    this.problem = problem;
  }

  /** The refusal's stable code (`problemCode.<code>` in the message tables); the slug of `type` when the member is missing. */
  get code(): string | undefined {
    if (typeof this.problem.code === 'string' && this.problem.code !== '') return this.problem.code;
    const slug = /\/problems\/([a-z0-9-]+)$/.exec(this.problem.type ?? '')?.[1];
    return slug;
  }

  get fieldErrors(): FieldError[] {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }

  get gaps(): Gap[] | undefined {
    return Array.isArray(this.problem.gaps) ? this.problem.gaps : undefined;
  }

  /** 409 because the version sent with If-Match is not the current one. */
  get isVersionConflict(): boolean {
    return this.status === 409 && this.code === 'version-conflict';
  }

  get isNetwork(): boolean {
    return this.status === 0;
  }
}

type Listener = () => void;

let token: string | null = null;
let onUnauthorized: Listener | null = null;

export function setAccessToken(value: string | null): void {
  token = value;
}

/** Called when an authenticated request answers 401 (token expired): the session asks to log in again. */
export function setUnauthorizedListener(listener: Listener | null): void {
  onUnauthorized = listener;
}

export interface RequestOptions {
  body?: unknown;
  /** A multipart body (a file upload), sent as it is instead of `body`'s JSON. */
  form?: FormData;
  /** The version last seen: sent as `If-Match: "<version>"`. */
  ifMatch?: number;
  query?: Record<string, string | number | boolean | undefined | null>;
  /** Sent as Idempotency-Key (a fresh one per call when omitted on POST). */
  idempotencyKey?: string;
  /** Login itself: a 401 is a wrong password, not an expired session. */
  anonymous?: boolean;
  signal?: AbortSignal;
}

function randomKey(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(16).slice(2)}`;
}

function urlOf(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

export async function request<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (options.body !== undefined && !options.form) headers['Content-Type'] = 'application/json';
  if (token && !options.anonymous) headers.Authorization = `Bearer ${token}`;
  if (options.ifMatch !== undefined) headers['If-Match'] = `"${options.ifMatch}"`;
  if (method === 'POST') headers['Idempotency-Key'] = options.idempotencyKey ?? randomKey();

  let response: Response;
  try {
    response = await fetch(urlOf(path, options.query), {
      method,
      headers,
      body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiProblem({ status: 0, title: 'network', detail: error instanceof Error ? error.message : String(error) });
  }

  const body = parseBody(await response.text());
  if (!response.ok) throw problemOf(response, body, options);
  return body as T;
}

function parseBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function problemOf(response: Response, body: unknown, options: RequestOptions): ApiProblem {
  const problem: ProblemDetails =
    typeof body === 'object' && body !== null
      ? { ...(body as ProblemDetails), status: response.status }
      : { status: response.status, detail: typeof body === 'string' ? body : response.statusText };
  if (response.status === 401 && !options.anonymous) onUnauthorized?.();
  return new ApiProblem(problem);
}

/**
 * Fetches a file the API makes (a spreadsheet) with the signed-in user's token and saves it under `filename`;
 * with `body`, POSTed as JSON (a file made from a question, like the batch plan's).
 */
export async function download(path: string, filename: string, body?: unknown): Promise<void> {
  let response: Response;
  try {
    const auth: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
    response = await fetch(
      urlOf(path),
      body === undefined
        ? { headers: auth }
        : { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
    );
  } catch (error) {
    throw new ApiProblem({ status: 0, title: 'network', detail: error instanceof Error ? error.message : String(error) });
  }
  if (!response.ok) throw problemOf(response, parseBody(await response.text()), {});
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const http = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, body: body ?? {} }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, { ...options, body: body ?? {} }),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
  /** A file as `multipart/form-data` in the field `file`. */
  upload: <T>(path: string, file: File, options?: RequestOptions) => {
    const form = new FormData();
    form.append('file', file);
    return request<T>('POST', path, { ...options, form });
  },
};

import type { Response } from 'supertest';
import { expect } from 'vitest';

/** A problem+json body as the API answers a refusal. */
export interface ProblemBody {
  status: number;
  detail: string;
  code?: string;
  errors?: Array<{ field: string; message: string; code?: string }>;
}

/** Fails with the answer's text when the status is not the one expected. */
export function expectStatus(response: Response, status: number): void {
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${response.text}`);
}

/** The refusal's problem+json body, after checking its status and content type. */
export function expectProblem(response: Response, status: number): ProblemBody {
  expectStatus(response, status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  return response.body as ProblemBody;
}

/** The fields a 400 names, each once, sorted. */
export function fieldsOf(response: Response): string[] {
  return [...new Set((expectProblem(response, 400).errors ?? []).map((error) => error.field))].sort();
}

import { HttpException } from '@nestjs/common';

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** RFC 9457 problem details, the one error shape of the API. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly errors?: readonly FieldError[];
  readonly [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const TITLES: Record<number, [slug: string, title: string]> = {
  400: ['invalid-request', 'The request is invalid'],
  401: ['unauthenticated', 'Authentication required'],
  403: ['forbidden', 'Not allowed'],
  404: ['not-found', 'Not found'],
  405: ['method-not-allowed', 'Method not allowed'],
  409: ['conflict', 'Refused by a business rule'],
  413: ['payload-too-large', 'The request body is too large'],
  415: ['unsupported-media-type', 'Unsupported media type'],
  422: ['unprocessable', 'The request cannot be processed'],
  428: ['precondition-required', 'Precondition required'],
  429: ['too-many-requests', 'Too many requests'],
  500: ['internal-error', 'Internal server error'],
  503: ['unavailable', 'Service unavailable'],
};

export function problem(status: number, detail: string, extensions: Record<string, unknown> = {}, slug?: string): ProblemDetails {
  const [defaultSlug, title] = TITLES[status] ?? ['error', 'Error'];
  return { type: `/problems/${slug ?? defaultSlug}`, title, status, detail, ...extensions };
}

/** Thrown anywhere in the HTTP layer to answer with a given problem. */
export class ProblemException extends HttpException {
  constructor(readonly problemDetails: ProblemDetails) {
    super(problemDetails, problemDetails.status);
  }

  static badRequest(errors: readonly FieldError[], detail?: string): ProblemException {
    const fields = [...new Set(errors.map((e) => e.field))].join(', ');
    return new ProblemException(
      problem(400, detail ?? `Invalid field${errors.length === 1 ? '' : 's'}: ${fields}`, { errors }, 'validation-failed'),
    );
  }

  static notFound(detail: string): ProblemException {
    return new ProblemException(problem(404, detail));
  }

  static forbidden(detail: string): ProblemException {
    return new ProblemException(problem(403, detail));
  }

  static conflict(detail: string, slug = 'conflict', extensions: Record<string, unknown> = {}): ProblemException {
    return new ProblemException(problem(409, detail, extensions, slug));
  }
}

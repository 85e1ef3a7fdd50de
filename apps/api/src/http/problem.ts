import { HttpException } from '@nestjs/common';
import { isFieldErrorCode, messageCode, type FieldErrorCode, type ProblemCode } from './problem-codes';

/** A bad field as a check reports it; `code` when the check names one, else it is read from the message. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
  readonly code?: string;
}

/** A bad field as the API answers it: always with its stable code. */
export interface CodedFieldError {
  readonly field: string;
  readonly code: FieldErrorCode;
  readonly message: string;
}

/**
 * RFC 9457 problem details, the one error shape of the API. `code` is the slug of `type`, a stable
 * machine code (see problem-codes.ts) for clients to translate.
 */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: ProblemCode;
  readonly errors?: readonly CodedFieldError[];
  readonly [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const TITLES: Record<number, [slug: ProblemCode, title: string]> = {
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

/** Field errors with their codes: the one named by the check, or the one its message reads as. */
export function codedFieldErrors(errors: readonly FieldError[]): CodedFieldError[] {
  return errors.map(({ field, message, code }) => ({ field, code: isFieldErrorCode(code) ? code : messageCode(message), message }));
}

/**
 * The one place problems are made: `type` from the code (the status's default, or `slug`), `code`
 * beside it, and every field error of `extensions.errors` with its code.
 */
export function problem(
  status: number,
  detail: string,
  extensions: { readonly errors?: readonly FieldError[]; readonly [extension: string]: unknown } = {},
  slug?: ProblemCode,
): ProblemDetails {
  const [defaultSlug, title] = TITLES[status] ?? ['error', 'Error'];
  const code = slug ?? defaultSlug;
  const { errors, ...rest } = extensions;
  return {
    type: `/problems/${code}`,
    title,
    status,
    detail,
    ...rest,
    code,
    ...(errors === undefined ? {} : { errors: codedFieldErrors(errors) }),
  };
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

  static conflict(detail: string, slug: ProblemCode = 'conflict', extensions: Record<string, unknown> = {}): ProblemException {
    return new ProblemException(problem(409, detail, extensions, slug));
  }
}

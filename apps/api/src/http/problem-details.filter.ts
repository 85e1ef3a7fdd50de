import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { problem, ProblemDetails, ProblemException, PROBLEM_CONTENT_TYPE } from './problem';
import { uploadProblem } from './upload';

interface BodyParserError {
  type?: string;
  status?: number;
  statusCode?: number;
  message?: string;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as BodyParserError).type === 'string' &&
    typeof ((error as BodyParserError).status ?? (error as BodyParserError).statusCode) === 'number'
  );
}

/** Turns every error into RFC 9457 problem+json; an unexpected error is logged and answered as a bare 500. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = toProblemDetails(error);
    if (body.status >= 500) this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    if (response.headersSent) return;
    // RFC 9110: every 401 names the scheme that would be accepted.
    if (body.status === 401 && !response.hasHeader('WWW-Authenticate')) response.setHeader('WWW-Authenticate', 'Bearer');
    response.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }
}

/** The problem+json an error is answered with. */
export function toProblemDetails(error: unknown): ProblemDetails {
  if (error instanceof ProblemException) return error.problemDetails;
  // Nest wraps body-parser's errors (malformed JSON) and Express's URIError (a bad %-escape in the
  // path) in a BadRequestException; the cause says which.
  const cause = error instanceof HttpException ? error.cause : undefined;
  if (isBodyParserError(cause)) return toProblemDetails(cause);
  const upload = uploadProblem(cause);
  if (upload !== undefined) return upload;
  if (cause instanceof URIError)
    return problem(
      400,
      'The path is not validly %-encoded',
      { errors: [{ field: 'path', message: 'malformed %-escape' }] },
      'malformed-path',
    );
  if (isBodyParserError(error)) {
    const status = error.status ?? error.statusCode ?? 400;
    if (error.type === 'entity.too.large') return problem(413, 'The request body is larger than the 1 MB limit');
    if (error.type === 'entity.parse.failed')
      return problem(
        400,
        'The request body is not valid JSON',
        { errors: [{ field: 'body', message: 'malformed JSON' }] },
        'malformed-json',
      );
    if (status < 500) return problem(status, error.message ?? 'The request could not be read');
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
    return problem(status, Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : error.message);
  }
  return problem(500, 'An unexpected error occurred; it has been logged');
}

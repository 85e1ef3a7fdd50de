import { FileInterceptor } from '@nestjs/platform-express';
import { memoryStorage } from 'multer';
import { problem, type ProblemDetails } from './problem';

/** Largest spreadsheet an import takes: a catalogue of a few thousand rows fits many times over. */
export const UPLOAD_MAX_BYTES = 5 * 1024 * 1024;

/** The API routes that take a `multipart/form-data` upload instead of a JSON body (the path after the prefix). */
const UPLOAD_ROUTES: readonly RegExp[] = [/^\/(duties|powers|usage)\/import\/?$/];

/** Whether `path` (below the API prefix, e.g. `/powers/import`) takes an upload. */
export function takesUpload(path: string): boolean {
  return UPLOAD_ROUTES.some((route) => route.test(path));
}

/** The file of an import: one part named `file`, in memory, at most UPLOAD_MAX_BYTES; no other file part. */
export const SheetUpload = FileInterceptor('file', {
  storage: memoryStorage(),
  limits: { fileSize: UPLOAD_MAX_BYTES, files: 1, fields: 10, parts: 20 },
});

interface MulterFailure {
  readonly code: string;
  readonly field?: string;
  readonly message: string;
}

function isMulterFailure(value: unknown): value is MulterFailure {
  return value instanceof Error && value.name === 'MulterError' && typeof (value as { code?: unknown }).code === 'string';
}

/**
 * The problem of a failed upload, from the cause of the exception Nest's file interceptor made of
 * multer's error: a file above the limit is 413 `file-too-large`, any other broken upload (a file
 * under another field name, too many parts, a truncated body) 400 `malformed-upload`. Undefined for
 * other errors.
 */
export function uploadProblem(cause: unknown): ProblemDetails | undefined {
  if (!isMulterFailure(cause)) return undefined;
  if (cause.code === 'LIMIT_FILE_SIZE')
    return problem(
      413,
      `The file is larger than the ${UPLOAD_MAX_BYTES / 1024 / 1024} MB an import takes`,
      { errors: [{ field: 'file', code: 'too-large', message: `must be at most ${UPLOAD_MAX_BYTES} bytes` }] },
      'file-too-large',
    );
  const field = cause.code === 'LIMIT_UNEXPECTED_FILE' && cause.field !== undefined ? cause.field : 'file';
  const message =
    cause.code === 'LIMIT_UNEXPECTED_FILE'
      ? 'only one file, in the part named "file", is taken'
      : `the upload cannot be read (${cause.message})`;
  return problem(
    400,
    `The upload is not a form with one file part named "file": ${cause.message}`,
    { errors: [{ field, code: 'malformed-upload', message }] },
    'malformed-upload',
  );
}

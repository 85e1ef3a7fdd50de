import { ApiProblem } from '../../api/http';
import type { FieldError } from '../../api/types';

/** The fields a refused query names (from, to, date, townshipId): these pages have no form to mark them on. */
export function fieldErrorsOf(error: unknown): FieldError[] | undefined {
  return error instanceof ApiProblem && error.fieldErrors.length > 0 ? error.fieldErrors : undefined;
}

/**
 * Duty-list shapes of API.md ("Duty lists") that the generated OpenAPI types do not describe yet: the
 * spreadsheet import's report and the public QR code's address. Written by hand from the contract, in
 * this one place, to be replaced by aliases of generated types (types.ts) once the server describes them.
 */
import type { FieldError } from './types';

/** POST /duties/import (200): how the file's rows compare with the catalogue; `errors` is empty on a 200. */
export interface DutyImportReport {
  created: number;
  updated: number;
  unchanged: number;
  errors: FieldError[];
}

/** The public QR code of a township's list (no token): an image the browser loads by its address. */
export function dutyListQrPath(townshipId: string, format: 'svg' | 'png' = 'svg'): string {
  return `/public/townships/${encodeURIComponent(townshipId)}/duty-list/qr.${format}`;
}

/**
 * Duty-list shapes of API.md ("Duty lists") that the generated OpenAPI types do not describe yet: the
 * spreadsheet import's report and the public QR code's address. Written by hand from the contract, in
 * this one place, so they are replaced by aliases of generated types once the server describes them.
 */
import type { FieldError } from './types';

export type DutyCategory = 'basic' | 'assisting' | 'returned';

/** An entry of the county's duty catalogue (GET /duties/:code). */
export interface Duty {
  code: string;
  name: string;
  domain: string;
  defaultCategory: DutyCategory;
  description?: string;
  legalBasis?: string;
  leadDepartment?: string;
  powerCode?: string;
  contact?: string;
  version: number;
}
export type RegisterDuty = Omit<Duty, 'version'>;
export type ReviseDuty = Omit<Duty, 'version' | 'code'>;
export interface DutyPage {
  items: Duty[];
  total: number;
}

/** One item of a township's list: a catalogue duty, or a handover / admitted task the ledger puts there. */
export interface DutyListItem {
  dutyCode?: string;
  powerCode?: string;
  name: string;
  domain: string;
  category: DutyCategory;
  cooperation?: string;
  leadDepartment?: string;
  source: 'list' | 'handover' | 'admission';
  handoverId?: string;
}
export interface PublishedVersion {
  version: number;
  publishedAt: string;
  decisionRef: string;
}
/** GET /townships/:townshipId/duty-list: the working draft. */
export interface DutyList {
  townshipId: string;
  published: PublishedVersion | null;
  items: DutyListItem[];
  counts: Record<DutyCategory, number>;
  /** Version of the list's stream, sent back as If-Match. */
  version: number;
}
export interface SetDutyListItem {
  category: DutyCategory;
  cooperation?: string;
  leadDepartment?: string;
}
/** An item in a version's changes: added and removed name the item, recategorized also the move. */
export interface DutyListChange {
  dutyCode?: string;
  powerCode?: string;
  name?: string;
  category?: DutyCategory;
  from?: DutyCategory;
  to?: DutyCategory;
}
export interface DutyListChanges {
  added: DutyListChange[];
  removed: DutyListChange[];
  recategorized: DutyListChange[];
  /** Same category, other text (cooperation, lead department, contact, name). */
  revised?: DutyListChange[];
}
/** A published version (POST/GET /townships/:townshipId/duty-list/publications). */
export interface DutyListPublication extends PublishedVersion {
  note?: string;
  changes: DutyListChanges;
  /** The items as published (the versions' list carries them). */
  items?: DutyListItem[];
}

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

/**
 * The limits of what a command may carry: the domain's parsers refuse beyond them, and the HTTP
 * DTOs state the same limits (one contract, stated once).
 */

/** Longest free text accepted (names of powers, reasons, legal bases, instruments). */
export const TEXT_MAX = 500;
/** Longest short label accepted (kinds, courses, departments, officers' names, certificate numbers). */
export const LABEL_MAX = 100;
/** Most lines in one list of a command. */
export const LIST_MAX = 200;
/** Most pieces of one kind of equipment in one line. */
export const QUANTITY_MAX = 100_000;
/** Most hours of one training course. */
export const HOURS_MAX = 10_000;
/** Most certified officers a power may require. */
export const CERTIFIED_OFFICERS_MAX = 1000;
/** Largest budget committed to one handover, in yuan. */
export const BUDGET_MAX_YUAN = 1e12;
/** Most cases (办件量) one handover may record for one month. */
export const CASES_MAX = 100_000;

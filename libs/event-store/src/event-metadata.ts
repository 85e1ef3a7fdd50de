import { InvalidMetadataError } from './errors';
import { isPlainObject } from './json';

/** Stored with every event: who, for which county, in answer to what, and when it happened. */
export interface EventMetadata {
  readonly actor: string;
  /** The county the event belongs to (tenant scope); also kept in the indexed `county_id` column. */
  readonly countyId: string | null;
  /** Groups every event caused by one request. */
  readonly correlationId: string;
  /** The message (command or event id) that caused this one; null for a user's own request. */
  readonly causationId: string | null;
  /** ISO-8601 instant at which the fact happened (business time, from the command's clock). */
  readonly occurredAt: string;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

function requiredText(source: Record<string, unknown>, field: string): string {
  const value = source[field];
  if (value === undefined) throw new InvalidMetadataError(field, 'is required');
  if (typeof value !== 'string' || value.trim() === '') throw new InvalidMetadataError(field, 'must be a non-empty string');
  return value;
}

function nullableText(source: Record<string, unknown>, field: string): string | null {
  const value = source[field];
  if (value === undefined) throw new InvalidMetadataError(field, 'is required (use null when there is none)');
  if (value === null) return null;
  if (typeof value !== 'string' || value.trim() === '') throw new InvalidMetadataError(field, 'must be null or a non-empty string');
  return value;
}

/**
 * Checks metadata handed to append (it may come from untyped code) and returns exactly the known
 * fields, so nothing else ends up in the log by accident.
 */
export function validateEventMetadata(metadata: unknown): EventMetadata {
  if (!isPlainObject(metadata)) throw new InvalidMetadataError('metadata', 'must be an object');
  const occurredAt = requiredText(metadata, 'occurredAt');
  if (!ISO_INSTANT.test(occurredAt) || Number.isNaN(Date.parse(occurredAt)))
    throw new InvalidMetadataError('occurredAt', 'must be an ISO-8601 instant with a zone, e.g. 2025-03-01T08:00:00Z');
  return {
    actor: requiredText(metadata, 'actor'),
    countyId: nullableText(metadata, 'countyId'),
    correlationId: requiredText(metadata, 'correlationId'),
    causationId: nullableText(metadata, 'causationId'),
    occurredAt,
  };
}

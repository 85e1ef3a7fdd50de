/**
 * Reads of the log. Positions and transaction ids go out as text because node-postgres returns
 * bigint/xid8 as strings and PGlite as numbers; text is the same on both.
 */
const EVENT_COLUMNS = `e.stream_id, e.stream_version, e.global_position::text AS global_position, e.transaction_id::text AS transaction_id,
  e.type, e.schema_version, e.data, e.metadata, e.recorded_at`;
// Careful: the text aliases above shadow the columns in an unqualified ORDER BY (output names win
// there), which would sort '10' before '9'. Every ORDER BY below names the table's columns (e.x).

export interface EventRow {
  readonly stream_id: unknown;
  readonly stream_version: unknown;
  readonly global_position: unknown;
  readonly transaction_id: unknown;
  readonly type: unknown;
  readonly schema_version: unknown;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly recorded_at: unknown;
}

/**
 * One county's events of some types, in log order (the county index, then the types): how aggregates
 * few per county are listed straight from the log. $1 county id, $2 types.
 */
export const READ_COUNTY_EVENTS_SQL = `SELECT ${EVENT_COLUMNS} FROM events e WHERE e.county_id = $1 AND e.type = ANY($2::text[]) ORDER BY e.global_position`;

/**
 * The streams of a county holding an event of the given types whose data field $3 has the text value
 * $4 (a township's handovers and team: their recording events name the township). $1 county id, $2 types.
 */
export const FIND_COUNTY_STREAMS_SQL = `SELECT DISTINCT e.stream_id FROM events e WHERE e.county_id = $1 AND e.type = ANY($2::text[]) AND e.data ->> $3 = $4`;

/** What a replay reads of an event (see ReplayedEvent). */
const REPLAY_COLUMNS = `e.stream_id, e.global_position::text AS global_position, e.type, e.schema_version, e.data, e.county_id,
  e.metadata ->> 'occurredAt' AS occurred_at`;

export interface ReplayRow {
  readonly stream_id: unknown;
  readonly global_position: unknown;
  readonly type: unknown;
  readonly schema_version: unknown;
  readonly data: unknown;
  readonly county_id: unknown;
  readonly occurred_at: unknown;
}

/** Several streams' events merged in log order, for a replay. $1 stream ids. */
export const REPLAY_STREAMS_SQL = `SELECT ${REPLAY_COLUMNS} FROM events e WHERE e.stream_id = ANY($1::text[]) ORDER BY e.global_position`;

/** A county's events of some types in log order, for a replay. $1 county id, $2 types. */
export const REPLAY_COUNTY_EVENTS_SQL = `SELECT ${REPLAY_COLUMNS} FROM events e WHERE e.county_id = $1 AND e.type = ANY($2::text[]) ORDER BY e.global_position`;
/** Of several streams, the events of some types, by stream and version. $1 stream ids, $2 types. */
export const READ_STREAMS_EVENTS_OF_TYPES_SQL = `SELECT ${EVENT_COLUMNS} FROM events e WHERE e.stream_id = ANY($1::text[]) AND e.type = ANY($2::text[]) ORDER BY e.stream_id, e.stream_version`;

/** $1 stream id, $2 first version to read (inclusive). */
export const READ_STREAM_SQL = `SELECT ${EVENT_COLUMNS} FROM events e WHERE e.stream_id = $1 AND e.stream_version >= $2 ORDER BY e.stream_version`;

/**
 * The global log after a checkpoint, in commit-safe order. A bigserial position can commit after a
 * higher one, so reading by position alone would skip it forever. Instead: order by
 * (transaction_id, global_position) and read only rows of transactions older than the oldest one
 * still running (`pg_snapshot_xmin`): every such transaction has finished, so no row can appear
 * before the last one read. $1 xid8, $2 position of the checkpoint (exclusive), $3 limit.
 */
export const READ_ALL_SQL = `SELECT ${EVENT_COLUMNS} FROM events e
WHERE (e.transaction_id, e.global_position) > ($1::xid8, $2::bigint)
  AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
ORDER BY e.transaction_id, e.global_position
LIMIT $3`;

/**
 * A subscription's next batch in one round trip (run right after taking its lock, so the statement's
 * snapshot sees the last holder's checkpoint): its checkpoint (the log's start when it has none),
 * whether anything at all lies after it (`pending`, including events not yet below xmin), and up to
 * $2 events after it as READ_ALL_SQL reads them — one row per event, or one row without an event.
 * $1 subscription id. `relevant` (SQL over the events row `e`, see SubscriptionHandler.relevant): the
 * rows of other events come with their positions only and `relevant` false; they still count
 * against the limit and move the checkpoint.
 */
export function subscriptionBatchSql(relevant = 'true'): string {
  // The condition is evaluated once per event, in the inner select; the other events' rows carry
  // their positions alone (nothing else to send, nor to parse). Without a condition: the plain read.
  const filtered = relevant.trim() !== 'true';
  const only = (column: string): string => (filtered ? `CASE WHEN r.relevant THEN r.${column} END AS ${column}` : `r.${column}`);
  const columns = `${only('stream_id')}, ${only('stream_version')}, r.global_position::text AS global_position, r.transaction_id::text AS transaction_id,
  ${only('type')}, ${only('schema_version')}, ${only('data')}, ${only('metadata')}, ${only('recorded_at')}, r.relevant`;
  return `WITH cp AS MATERIALIZED (
  SELECT c.transaction_id, c.global_position,
    -- ORDER BY … LIMIT 1 rather than EXISTS: against a row of the CTE the planner would guess EXISTS
    -- cheap by a sequential scan, and read the whole log each batch. In the (materialized) CTE, it
    -- runs once; in the outer select list it ran once per event returned.
    (SELECT true FROM events p WHERE (p.transaction_id, p.global_position) > (c.transaction_id, c.global_position)
      ORDER BY p.transaction_id, p.global_position LIMIT 1) IS NOT NULL AS pending
  FROM (
    SELECT c.transaction_id, c.global_position FROM subscription_checkpoints c WHERE c.subscription_id = $1
    UNION ALL
    SELECT '0'::xid8, 0::bigint WHERE NOT EXISTS (SELECT 1 FROM subscription_checkpoints c WHERE c.subscription_id = $1)
  ) c
)
SELECT cp.transaction_id::text AS checkpoint_transaction_id, cp.global_position::text AS checkpoint_global_position, cp.pending,
  b.*
FROM cp LEFT JOIN LATERAL (
  SELECT ${columns}, r.transaction_id AS order_transaction_id, r.global_position AS order_global_position
  FROM (
    SELECT e.*, (${relevant}) AS relevant
    FROM events e
    WHERE (e.transaction_id, e.global_position) > (cp.transaction_id, cp.global_position)
      AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
    ORDER BY e.transaction_id, e.global_position
    LIMIT $2
  ) r
) b ON true
ORDER BY b.order_transaction_id, b.order_global_position`;
}

export interface SubscriptionBatchRow extends EventRow {
  readonly relevant: unknown;
  readonly checkpoint_transaction_id: unknown;
  readonly checkpoint_global_position: unknown;
  readonly pending: unknown;
}

/** Whether any committed event lies after the checkpoint (including ones not yet below xmin). $1 xid8, $2 position. */
export const ANY_AFTER_SQL = `SELECT EXISTS (SELECT 1 FROM events WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)) AS pending`;

/**
 * An aggregate's snapshot (of the given state schema, if any) and the events after it, in one round
 * trip: the snapshot row first (`is_snapshot`), then the events in version order. $1 stream id,
 * $2 state schema.
 */
export const READ_STREAM_AFTER_SNAPSHOT_SQL = `WITH snap AS (
  SELECT s.stream_version, s.state FROM snapshots s WHERE s.stream_id = $1 AND s.state_schema = $2
)
SELECT true AS is_snapshot, NULL::text AS stream_id, snap.stream_version, NULL::text AS global_position, NULL::text AS transaction_id,
  NULL::text AS type, NULL::smallint AS schema_version, snap.state AS data, NULL::jsonb AS metadata, NULL::timestamptz AS recorded_at
FROM snap
UNION ALL
SELECT false, ${EVENT_COLUMNS}
FROM events e WHERE e.stream_id = $1 AND e.stream_version > COALESCE((SELECT snap.stream_version FROM snap), 0)
ORDER BY 1 DESC, 3`;

/**
 * Several aggregates' snapshots and later events in one round trip (what one command reading several
 * aggregates needs): $1 stream ids, $2 their state schemas (NULL: no snapshot). Rows come grouped by
 * stream, each stream's snapshot (if any) first, then its events in version order.
 */
export const READ_STREAMS_AFTER_SNAPSHOTS_SQL = `WITH wanted AS (
  SELECT w.stream_id, w.state_schema FROM unnest($1::text[], $2::text[]) AS w(stream_id, state_schema)
), snap AS (
  SELECT s.stream_id, s.stream_version, s.state FROM wanted w JOIN snapshots s ON s.stream_id = w.stream_id AND s.state_schema = w.state_schema
)
SELECT true AS is_snapshot, snap.stream_id, snap.stream_version, NULL::text AS global_position, NULL::text AS transaction_id,
  NULL::text AS type, NULL::smallint AS schema_version, snap.state AS data, NULL::jsonb AS metadata, NULL::timestamptz AS recorded_at
FROM snap
UNION ALL
SELECT false, ${EVENT_COLUMNS}
FROM wanted w JOIN events e ON e.stream_id = w.stream_id
WHERE e.stream_version > COALESCE((SELECT snap.stream_version FROM snap WHERE snap.stream_id = w.stream_id), 0)
ORDER BY 2, 1 DESC, 3`;

export interface SnapshotOrEventRow extends EventRow {
  readonly is_snapshot: unknown;
}
